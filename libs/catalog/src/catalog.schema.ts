import { z } from 'zod';

import {
  type DocumentType,
  documentTypeSchema,
  readSelector,
  type ReadSelectorOptions,
} from '@fineprint/contracts';
import { cssSelectorProblem } from '@fineprint/scraper';

/** Document types are the vocabulary's (libs/contracts); a catalog file may spell them with "-". */
export { DOCUMENT_TYPES } from '@fineprint/contracts';
export type CatalogDocumentType = DocumentType;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. "alexa-privacy-faq"');
/**
 * A CSS selector, or a range with Open Terms Archive's shape and meaning:
 * `{ "startBefore" | "startAfter": css, "endBefore" | "endAfter": css }`, everything between
 * the two points in document order. Read by the API's rule (`readSelector`, libs/contracts)
 * with the extractor's CSS parser, so a catalog file or an OTA import with broken CSS is
 * refused when it is loaded, not on every check; stored as a string (a range as its
 * canonical JSON). Unlike the API: no length cap, and the catalog's own wording.
 */
const CATALOG_SELECTOR: ReadSelectorOptions = {
  blankMessage: 'a selector cannot be empty',
  shapeMessage:
    'a selector is a CSS string or a range { "startBefore" | "startAfter": css, "endBefore" | "endAfter": css }',
};

const selectors = z
  .unknown()
  .optional()
  .transform((value, ctx): string[] => {
    if (value === undefined) return [];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    list.forEach((item, index) => {
      const reading = readSelector(item, cssSelectorProblem, CATALOG_SELECTOR);
      if ('stored' in reading) out.push(reading.stored);
      else
        ctx.addIssue({ code: 'custom', message: reading.problem, path: Array.isArray(value) ? [index] : [] });
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

/**
 * A named filter of the collection (`"removeAds"`), or one with parameters
 * (`{ "removeQueryParams": ["utm_source"] }`), as Open Terms Archive writes them.
 */
const filter = z.union([
  z.string().regex(/^[A-Za-z_$][\w$]*$/, 'a filter is named like a JavaScript function'),
  z
    .record(z.string().regex(/^[A-Za-z_$][\w$]*$/), z.unknown())
    .refine((value) => Object.keys(value).length === 1, 'a filter with parameters is { "name": parameters }'),
]);
const filters = z
  .union([filter, z.array(filter)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');
const fetchMode = z.enum(['http', 'browser', 'auto']);

/** One page of a combined document; what it leaves out comes from the document. */
const sourceSchema = z
  .object({
    url: httpUrl,
    select: selectors.optional(),
    remove: selectors.optional(),
    fetch: fetchMode.optional(),
    filters: filters.optional(),
  })
  .strict();

export const catalogDocumentSchema = z
  .object({
    slug,
    title: z.string().min(1),
    type: documentTypeSchema.default('other'),
    /** The page; for a combined document, the first source's page unless given. */
    url: httpUrl.optional(),
    select: selectors,
    remove: selectors,
    fetch: fetchMode.default('auto'),
    /** Named filters of the collection, run (sandboxed) only where the operator opted in. */
    filters,
    /**
     * Several pages making one document, in order (Open Terms Archive's `combine`): each
     * source keeps its own select/remove/fetch/filters or takes the document's.
     */
    combine: z.array(sourceSchema).min(1).optional(),
    interval: interval.default(360),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en" or "en-US"')
      .optional(),
    active: z.boolean().default(true),
    notes: z.string().optional(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    if (!doc.url && !doc.combine?.length)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'a document needs a url (or combine sources)' });
  })
  .transform(({ combine, ...doc }) => ({
    ...doc,
    url: doc.url ?? combine?.[0]?.url ?? '',
    /** Every source resolved (its own fields, else the document's); absent for one page. */
    ...(combine
      ? {
          combine: combine.map((source) => ({
            url: source.url,
            select: source.select ?? doc.select,
            remove: source.remove ?? doc.remove,
            fetch: source.fetch ?? doc.fetch,
            filters: source.filters ?? doc.filters,
          })),
        }
      : {}),
  }));

/**
 * A collection's filter code (Open Terms Archive's `<Service>.filters.js`, with the local
 * modules it imports), kept with the declarations so that what runs is what was imported.
 */
export const filterCodeSchema = z
  .object({
    entry: z.string().min(1),
    modules: z.record(z.string(), z.string()),
  })
  .strict();

export const catalogFileSchema = z
  .object({
    vendor: z.object({ slug, name: z.string().min(1) }).strict(),
    documents: z.array(catalogDocumentSchema).min(1),
    filterCode: filterCodeSchema.optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    if (file.filterCode && !(file.filterCode.entry in file.filterCode.modules))
      ctx.addIssue({ code: 'custom', path: ['filterCode', 'entry'], message: 'the entry module is missing' });
  });

export type CatalogFile = z.output<typeof catalogFileSchema>;
export type CatalogDocument = z.output<typeof catalogDocumentSchema>;
export type CatalogSource = NonNullable<CatalogDocument['combine']>[number];
export type CatalogFilter = CatalogDocument['filters'][number];
export type FilterCode = z.output<typeof filterCodeSchema>;
