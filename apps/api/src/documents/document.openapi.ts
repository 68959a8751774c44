import { type SchemaObject } from '@nestjs/swagger';

import {
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  documentInputOpenApi,
  FETCH_MODES,
  RANGE_KEYS,
} from '@fineprint/contracts';

/**
 * The document view (`DocumentView` in libs/contracts) for the OpenAPI document; a test
 * compares its properties with what the API answers, so the two cannot drift apart.
 */
const time = (description?: string): SchemaObject => ({
  type: 'string',
  format: 'date-time',
  nullable: true,
  ...(description ? { description } : {}),
});

const selector: SchemaObject = {
  description: 'a CSS selector (string), or a range selector (object)',
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      description:
        'a range (Open Terms Archive): everything between two points in document order; one start key and one end key',
      properties: Object.fromEntries(RANGE_KEYS.map((key) => [key, { type: 'string' }])),
    },
  ],
};

const filter: SchemaObject = {
  description: 'a filter as Open Terms Archive declares it: "name" or { "name": parameters }',
  oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
};

const storedSelectors = (what: string): SchemaObject => ({
  type: 'array',
  items: { type: 'string' },
  description: `${what} selectors as stored: CSS as is, a range selector as its JSON text (see \`selectors\` for the declared form)`,
});

export const documentSourceViewSchema: SchemaObject = {
  type: 'object',
  description: 'one page of a combined document, with its own selectors, fetch mode and filters',
  required: ['url', 'select', 'remove', 'fetch', 'filters'],
  properties: {
    url: { type: 'string', format: 'uri' },
    select: { type: 'array', items: selector },
    remove: { type: 'array', items: selector },
    fetch: { type: 'string', enum: [...FETCH_MODES] },
    filters: { type: 'array', items: filter },
  },
};

export const documentViewSchema: SchemaObject = {
  type: 'object',
  required: [
    'id',
    'vendor',
    'slug',
    'title',
    'type',
    'url',
    'select',
    'remove',
    'fetch',
    'language',
    'intervalMinutes',
    'active',
    'status',
    'unstable',
    'consecutiveFailures',
    'lastError',
    'source',
    'lastCheckedAt',
    'lastSuccessAt',
    'lastChangedAt',
    'createdAt',
    'deletedAt',
    'selectors',
    'sources',
    'filters',
    'namedFilters',
    'filtersPending',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    vendor: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        slug: { type: 'string' },
        name: { type: 'string' },
      },
    },
    slug: { type: 'string' },
    title: { type: 'string' },
    type: { type: 'string', enum: [...DOCUMENT_TYPES] },
    url: { type: 'string', format: 'uri', description: 'the page (a combined document: its first source)' },
    select: storedSelectors('`select`'),
    remove: storedSelectors('`remove`'),
    fetch: { type: 'string', enum: [...FETCH_MODES] },
    language: { type: 'string', nullable: true },
    intervalMinutes: { type: 'integer' },
    active: { type: 'boolean' },
    status: { type: 'string', enum: [...DOCUMENT_STATUSES] },
    unstable: { type: 'boolean', description: 'flips between texts it already had' },
    consecutiveFailures: { type: 'integer' },
    lastError: { type: 'string', nullable: true },
    source: {
      type: 'string',
      nullable: true,
      description: 'where the declaration came from: "catalog:<file>", "ota:<file>" or "api"',
    },
    lastCheckedAt: time(),
    lastSuccessAt: time(),
    lastChangedAt: time(),
    createdAt: { type: 'string', format: 'date-time' },
    deletedAt: time('set when the document is no longer tracked; its history is kept'),
    selectors: {
      type: 'object',
      description: '`select` and `remove` as declared: CSS selectors as strings, range selectors as objects',
      properties: { select: { type: 'array', items: selector }, remove: { type: 'array', items: selector } },
    },
    sources: {
      type: 'array',
      nullable: true,
      items: documentSourceViewSchema,
      description:
        "a combined document's pages in order (Open Terms Archive's `combine`): one snapshot, one text; null for a document of one page",
    },
    filters: { type: 'array', items: filter, description: "the document's filters as declared" },
    namedFilters: {
      type: 'array',
      items: { type: 'string' },
      description:
        "the collection's own filters the document or its sources name (built-in ones such as removeQueryParams are not listed: they always run)",
    },
    filtersPending: {
      type: 'boolean',
      description:
        'true when those named filters have not run: the operator has not opted in to the collection’s filter code (`catalog import-ota --run-filters`), so the text may be wider than the declaration',
    },
  },
};

export const documentPageSchema: SchemaObject = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: { type: 'array', items: documentViewSchema },
    nextCursor: { type: 'string', nullable: true },
  },
};

const inputs = documentInputOpenApi();
export const createDocumentBodySchema = inputs.create as SchemaObject;
export const updateDocumentBodySchema = inputs.update as SchemaObject;
