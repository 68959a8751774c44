import { z } from 'zod';

import { DOCUMENT_STATUSES, documentTypeSchema, FETCH_MODES, KINDS, SEVERITIES, TOPICS } from './vocabulary';

const selectorList = z
  .union([z.string().min(1).max(500), z.array(z.string().min(1).max(500)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

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

/** The fields of a document an admin sets; no defaults here (they belong to creation only). */
const documentFields = {
  title: z.string().min(1).max(300),
  url: httpUrl,
  type: documentTypeSchema,
  select: selectorList,
  remove: selectorList,
  fetch: z.enum(FETCH_MODES),
  intervalMinutes: z.number().int().min(1).max(43200),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "en"'),
  active: z.boolean(),
};

export const createDocumentSchema = z
  .object({
    vendor: z.string().min(1).max(100).describe('vendor slug or name; created when new'),
    vendorName: z.string().min(1).max(200).optional(),
    title: documentFields.title,
    url: documentFields.url,
    type: documentFields.type.default('other'),
    select: documentFields.select.optional(),
    remove: documentFields.remove.optional(),
    fetch: documentFields.fetch.default('auto'),
    intervalMinutes: documentFields.intervalMinutes.default(360),
    language: documentFields.language.optional(),
    active: documentFields.active.default(true),
  })
  .strict();
export type CreateDocumentInput = z.input<typeof createDocumentSchema>;

/**
 * A PATCH: only the fields sent change (no defaults, or a rename would also resume a
 * paused document); a body with no field is refused.
 */
export const updateDocumentSchema = z
  .object({
    title: documentFields.title.optional(),
    url: documentFields.url.optional(),
    type: documentFields.type.optional(),
    select: documentFields.select.optional(),
    remove: documentFields.remove.optional(),
    fetch: documentFields.fetch.optional(),
    intervalMinutes: documentFields.intervalMinutes.optional(),
    language: documentFields.language.optional(),
    active: documentFields.active.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to update: send at least one field');

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
