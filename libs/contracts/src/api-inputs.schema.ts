import { z } from 'zod';

import { type CssSelectorCheck, RANGE_KEYS, readSelector } from './selector';
import { DOCUMENT_STATUSES, documentTypeSchema, FETCH_MODES, KINDS, SEVERITIES, TOPICS } from './vocabulary';

const httpUrl = z
  .string()
  .max(2048)
  .url('must be a URL')
  // a URL with a line break, a tab or a space would be stored as sent, then mean something else
  // to each client that reads it: refused, as browsers would percent-encode them first
  .refine(
    (u) => !/[\u0000-\u0020\u007f]/.test(u),
    'must not contain spaces or control characters (CR, LF, …)',
  )
  .refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');

const uuid = z.string().uuid('must be an id (UUID)');

/** Who hears about a change: every filter set must match; none = everything. */
export const scopeSchema = z
  .object({
    vendor: z.string().min(1).max(100).optional().describe('vendor slug'),
    documentId: uuid.optional(),
    topic: z.enum(TOPICS).optional(),
    minSeverity: z.enum(SEVERITIES).default('low'),
    includeCosmetic: z.boolean().default(false),
  })
  .strict();
export type ScopeInput = z.input<typeof scopeSchema>;

/** The contracts cannot parse CSS: without the API's parser, only blank selectors are refused. */
const blankOnly: CssSelectorCheck = (css) => (css.trim() ? null : 'must be a non-empty CSS selector');

/** The API's cap on a selector's length (a CSS string, a range's JSON, each bound of a range); catalogs have none. */
const MAX_SELECTOR = 500;

/** Marks, for `documentInputOpenApi`, a field that takes one value or a list (its JSON Schema is the `oneOf`). */
const ONE_OR_LIST = 'x-one-or-list';

/** The selector input in JSON Schema terms, for the API's documentation (OpenAPI). */
const SELECTOR_JSON = {
  oneOf: [
    { type: 'string', maxLength: MAX_SELECTOR, description: 'a CSS selector' },
    {
      type: 'object',
      description:
        'a range (Open Terms Archive): everything between two points in document order; exactly one start key and one end key, each a CSS selector',
      properties: Object.fromEntries(
        RANGE_KEYS.map((key) => [key, { type: 'string', maxLength: MAX_SELECTOR }]),
      ),
      additionalProperties: false,
      minProperties: 2,
      maxProperties: 2,
    },
  ],
};

/**
 * One selector as a declaration writes it (decision 0020), read by `readSelector` (the
 * catalog's rule too), capped at MAX_SELECTOR characters. Comes out in the stored form; a
 * problem inside a range names its bound (`select.0.endBefore`).
 */
function selectorSchema(checkCss: CssSelectorCheck) {
  return z
    .unknown()
    .transform((value, ctx): string => {
      const reading = readSelector(value, checkCss, { maxLength: MAX_SELECTOR });
      if ('stored' in reading) return reading.stored;
      ctx.addIssue({
        code: 'custom',
        message: reading.problem,
        path: reading.key ? [reading.key] : [],
        input: value,
      });
      return z.NEVER;
    })
    .meta(SELECTOR_JSON);
}

/** One selector or a list of them (CSS and ranges mixed), as stored: a list of strings. */
function selectorListSchema(checkCss: CssSelectorCheck) {
  return z
    .preprocess(
      (value) => (value === undefined || Array.isArray(value) ? value : [value]),
      z.array(selectorSchema(checkCss)).max(20, 'at most 20 selectors'),
    )
    .meta({
      description: 'one selector or a list of up to 20 (CSS and ranges mixed); every CSS selector must parse',
      oneOf: [SELECTOR_JSON, { type: 'array', items: SELECTOR_JSON, maxItems: 20 }],
      [ONE_OR_LIST]: true,
    });
}

/** The fields of a document an admin sets; no defaults here (they belong to creation only). */
function documentFields(checkCss: CssSelectorCheck) {
  const selectors = selectorListSchema(checkCss);
  const fetch = z.enum(FETCH_MODES);
  /**
   * One page of a combined document (Open Terms Archive's `combine`, decision 0021): its own
   * selectors and fetch mode, or the document's when it leaves them out.
   */
  const source = z
    .object({
      url: httpUrl,
      select: selectors.optional(),
      remove: selectors.optional(),
      fetch: fetch.optional(),
    })
    .strict();
  return {
    title: z.string().min(1).max(300),
    url: httpUrl,
    type: documentTypeSchema,
    select: selectors,
    remove: selectors,
    fetch,
    combine: z
      .array(source)
      .min(1, 'a combined document has at least one source')
      .max(20, 'at most 20 sources'),
    intervalMinutes: z.number().int().min(1).max(43200),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en"'),
    active: z.boolean(),
  };
}

/**
 * The bodies of POST and PATCH /api/v1/documents, with CSS selectors checked by `checkCss`
 * (the API gives the extractor's parser).
 */
export function documentInputSchemas(checkCss: CssSelectorCheck = blankOnly) {
  const fields = documentFields(checkCss);
  const create = z
    .object({
      vendor: z.string().min(1).max(100).describe('vendor slug or name; created when new'),
      vendorName: z.string().min(1).max(200).optional(),
      title: fields.title,
      url: fields.url.optional().describe('the page; for a combined document, the first source by default'),
      type: fields.type.default('other'),
      select: fields.select.optional(),
      remove: fields.remove.optional(),
      fetch: fields.fetch.default('auto'),
      combine: fields.combine
        .optional()
        .describe(
          'several pages making one document, in order; each takes the document’s select, remove and fetch unless it gives its own',
        ),
      intervalMinutes: fields.intervalMinutes.default(360),
      language: fields.language.optional(),
      active: fields.active.default(true),
    })
    .strict()
    .superRefine((doc, ctx) => {
      if (!doc.url && !doc.combine)
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: 'a document needs a url (or combine sources)',
        });
    });
  /**
   * A PATCH: only the fields sent change (no defaults, or a rename would also resume a
   * paused document); a body with no field is refused. `combine: null` makes a combined
   * document a one-page document again.
   */
  const update = z
    .object({
      title: fields.title.optional(),
      url: fields.url.optional(),
      type: fields.type.optional(),
      select: fields.select.optional(),
      remove: fields.remove.optional(),
      fetch: fields.fetch.optional(),
      combine: fields.combine.nullable().optional(),
      intervalMinutes: fields.intervalMinutes.optional(),
      language: fields.language.optional(),
      active: fields.active.optional(),
    })
    .strict()
    .refine(
      (v) => Object.values(v).some((x) => x !== undefined),
      'nothing to update: send at least one field',
    );
  return { create, update };
}

/** The document bodies with selectors checked for shape only; the API uses `documentInputSchemas(cssSelectorProblem)`. */
export const { create: createDocumentSchema, update: updateDocumentSchema } = documentInputSchemas();
export type CreateDocumentInput = z.input<typeof createDocumentSchema>;

/** The bodies of POST and PATCH /api/v1/documents as OpenAPI 3.0 schemas, for the API's documentation. */
export function documentInputOpenApi(): { create: Record<string, unknown>; update: Record<string, unknown> } {
  const toOpenApi = (schema: z.ZodType) =>
    z.toJSONSchema(schema, {
      io: 'input',
      target: 'openapi-3.0',
      unrepresentable: 'any',
      override: ({ jsonSchema }) => {
        const json = jsonSchema as Record<string, unknown>;
        if (!json[ONE_OR_LIST]) return;
        // the list's own array schema came from the parser behind the `oneOf`: only the `oneOf` holds
        for (const key of [ONE_OR_LIST, 'type', 'items', 'maxItems']) delete json[key];
      },
    }) as Record<string, unknown>;
  return { create: toOpenApi(createDocumentSchema), update: toOpenApi(updateDocumentSchema) };
}
export type DocumentSourceInput = NonNullable<z.output<typeof createDocumentSchema>['combine']>[number];

const cursorPage = {
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const listDocumentsQuery = z
  .object({
    vendor: z.string().max(100).optional(),
    type: documentTypeSchema.optional(),
    status: z.enum(DOCUMENT_STATUSES).optional(),
    q: z.string().max(200).optional(),
    ...cursorPage,
  })
  .strict();

export const listChangesQuery = z
  .object({
    documentId: uuid.optional(),
    vendor: z.string().max(100).optional(),
    topic: z.enum(TOPICS).optional(),
    kind: z.enum(KINDS).optional(),
    severity: z.enum(SEVERITIES).optional(),
    minSeverity: z.enum(SEVERITIES).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    includeSuppressed: z.enum(['true', 'false']).optional(),
    ...cursorPage,
  })
  .strict();

export const listVersionsQuery = z.object({ ...cursorPage }).strict();

export const compareQuery = z
  .object({
    from: z.coerce.number().int().min(1),
    to: z.coerce.number().int().min(1),
  })
  .strict();

export const createSubscriptionSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).email('must be an email address'),
    scope: scopeSchema.default({ minSeverity: 'low', includeCosmetic: false }),
    digest: z.enum(['immediate', 'daily']).default('immediate'),
  })
  .strict();

export const tokenQuery = z.object({ token: z.string().min(16).max(200) }).strict();

export const createWebhookSchema = z
  .object({
    url: httpUrl,
    description: z.string().max(300).optional(),
    scope: scopeSchema.default({ minSeverity: 'low', includeCosmetic: false }),
  })
  .strict();
