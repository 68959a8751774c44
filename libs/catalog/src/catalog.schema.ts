import { z } from 'zod';

import { type DocumentType, documentTypeSchema } from '@fineprint/contracts';
import { decodeSelector, encodeSelector, rangeSelectorProblem } from '@fineprint/scraper';

/** Document types are the vocabulary's (libs/contracts); a catalog file may spell them with "-". */
export { DOCUMENT_TYPES } from '@fineprint/contracts';
export type CatalogDocumentType = DocumentType;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. "alexa-privacy-faq"');
/**
 * A CSS selector, or a range with Open Terms Archive's shape and meaning:
 * `{ "startBefore" | "startAfter": css, "endBefore" | "endAfter": css }`, everything between
 * the two points in document order. Stored as a string (a range as its JSON).
 */
const SELECTOR_SHAPE =
  'a selector is a CSS string or a range { "startBefore" | "startAfter": css, "endBefore" | "endAfter": css }';

/** One selector in its stored form, or the reason it is not one. */
function storedSelector(value: unknown): { stored: string } | { problem: string } {
  if (typeof value === 'string') {
    if (!value.trim()) return { problem: 'a selector cannot be empty' };
    try {
      decodeSelector(value);
    } catch (error) {
      return { problem: (error as Error).message };
    }
    return { stored: value };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const problem = rangeSelectorProblem(value);
    return problem ? { problem } : { stored: encodeSelector(value) };
  }
  return { problem: SELECTOR_SHAPE };
}

const selectors = z
  .unknown()
  .optional()
  .transform((value, ctx): string[] => {
    if (value === undefined) return [];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    list.forEach((item, index) => {
      const result = storedSelector(item);
      if ('stored' in result) out.push(result.stored);
      else
        ctx.addIssue({ code: 'custom', message: result.problem, path: Array.isArray(value) ? [index] : [] });
    });
    return out;
  });

/** "6h", "30m", "1d" or a number of minutes. */
const interval = z.union([
  z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30),
  z
    .string()
    .regex(/^\d+\s*[mhd]$/, 'a duration like "30m", "6h" or "1d"')
    .transform((value) => {
      const n = Number.parseInt(value, 10);
      const unit = value.trim().slice(-1);
      return unit === 'm' ? n : unit === 'h' ? n * 60 : n * 1440;
    }),
]);

export const catalogDocumentSchema = z
  .object({
    slug,
    title: z.string().min(1),
    type: documentTypeSchema.default('other'),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    select: selectors,
    remove: selectors,
    fetch: z.enum(['http', 'browser', 'auto']).default('auto'),
    interval: interval.default(360),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en" or "en-US"')
      .optional(),
    active: z.boolean().default(true),
    notes: z.string().optional(),
  })
  .strict();

export const catalogFileSchema = z
  .object({
    vendor: z.object({ slug, name: z.string().min(1) }).strict(),
    documents: z.array(catalogDocumentSchema).min(1),
  })
  .strict();

export type CatalogFile = z.output<typeof catalogFileSchema>;
export type CatalogDocument = z.output<typeof catalogDocumentSchema>;
