import { z } from 'zod';

import { BUILTIN_FILTERS } from '@fineprint/scraper';

export const DOCUMENT_TYPES = [
  'privacy-notice',
  'terms',
  'help-article',
  'faq',
  'cookie-policy',
  'other',
] as const;
export type CatalogDocumentType = (typeof DOCUMENT_TYPES)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. "alexa-privacy-faq"');
const css = z.string().min(1);
/**
 * Open Terms Archive's range selector: from before/after one CSS-selected node to before/after
 * another (exactly one start and one end).
 */
export const rangeSelectorSchema = z
  .object({ startBefore: css, startAfter: css, endBefore: css, endAfter: css })
  .partial()
  .strict()
  .refine(
    (range) =>
      (range.startBefore === undefined) !== (range.startAfter === undefined) &&
      (range.endBefore === undefined) !== (range.endAfter === undefined),
    'a range needs exactly one of startBefore/startAfter and one of endBefore/endAfter',
  );
/** A CSS selector, or a range (Open Terms Archive's shape, kept as written). */
const selector = z.union([css, rangeSelectorSchema]);
const selectors = z
  .union([selector, z.array(selector)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

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
    type: z.enum(DOCUMENT_TYPES).default('other'),
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
    if (file.filterCode) return;
    file.documents.forEach((doc, index) => {
      const named = namedFilters(doc);
      if (named.length)
        ctx.addIssue({
          code: 'custom',
          path: ['documents', index, 'filters'],
          message: `filter(s) ${named.join(', ')} need the collection's filter code; only built-in filters (${[...BUILTIN_FILTERS].join(', ')}) run without it`,
        });
    });
  });

const filterNameOf = (spec: string | Record<string, unknown>) =>
  typeof spec === 'string' ? spec : (Object.keys(spec)[0] ?? '');

/** The filters of a document (and its sources) that are the collection's own code, not built in. */
export function namedFilters(doc: {
  filters: (string | Record<string, unknown>)[];
  combine?: { filters: (string | Record<string, unknown>)[] }[] | undefined;
}): string[] {
  const all = [...doc.filters, ...(doc.combine ?? []).flatMap((source) => source.filters)];
  return [...new Set(all.map(filterNameOf).filter((name) => !BUILTIN_FILTERS.has(name)))];
}

export type CatalogFile = z.output<typeof catalogFileSchema>;
export type CatalogDocument = z.output<typeof catalogDocumentSchema>;
export type CatalogSource = NonNullable<CatalogDocument['combine']>[number];
export type CatalogSelector = CatalogDocument['select'][number];
export type CatalogFilter = CatalogDocument['filters'][number];
export type FilterCode = z.output<typeof filterCodeSchema>;
