import {
  createDocumentSchema,
  documentInputOpenApi,
  documentInputSchemas,
  updateDocumentSchema,
} from './api-inputs.schema';

describe('updateDocumentSchema (PATCH)', () => {
  it('keeps only the fields sent: a rename does not resume, retype or reschedule a document', () => {
    expect(updateDocumentSchema.parse({ title: 'renamed' })).toEqual({ title: 'renamed' });
    expect(updateDocumentSchema.parse({ active: false })).toEqual({ active: false });
  });

  it('refuses an empty body and unknown fields', () => {
    expect(updateDocumentSchema.safeParse({}).success).toBe(false);
    expect(updateDocumentSchema.safeParse({ title: undefined }).success).toBe(false);
    expect(updateDocumentSchema.safeParse({ vendor: 'other' }).success).toBe(false);
  });

  it('still validates each field', () => {
    expect(updateDocumentSchema.safeParse({ intervalMinutes: 0 }).success).toBe(false);
    expect(updateDocumentSchema.safeParse({ url: 'ftp://x.example/' }).success).toBe(false);
  });
});

describe('createDocumentSchema', () => {
  it('fills the creation defaults', () => {
    expect(
      createDocumentSchema.parse({ vendor: 'acme', title: 'Privacy', url: 'https://acme.example/p' }),
    ).toMatchObject({ type: 'other', fetch: 'auto', intervalMinutes: 360, active: true });
  });
});

describe('document selectors and combine (decision 0020, 0021)', () => {
  const base = { vendor: 'acme', title: 'Terms', url: 'https://acme.example/terms' };
  const seen: string[] = [];
  const { create, update } = documentInputSchemas((css) => {
    seen.push(css);
    return css.includes('!') ? `"${css}" is not valid CSS` : null;
  });
  const issues = (result: {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  }) => (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('takes CSS and range selectors, one or a list, and gives them in their stored form', () => {
    expect(create.parse({ ...base, select: { endBefore: 'footer', startAfter: 'h1' } }).select).toEqual([
      '{"startAfter":"h1","endBefore":"footer"}',
    ]);
    expect(create.parse({ ...base, remove: ['nav', '{"startBefore":".a","endAfter":".b"}'] }).remove).toEqual(
      ['nav', '{"startBefore":".a","endAfter":".b"}'],
    );
  });

  it('checks every CSS selector with the given parser, range bounds included, naming where', () => {
    seen.length = 0;
    const result = create.safeParse({
      ...base,
      select: ['main', { startBefore: 'h1!', endAfter: 'footer' }],
      combine: [{ url: 'https://acme.example/2', remove: 'x!' }],
    });
    expect(issues(result)).toEqual([
      'select.1.startBefore: "h1!" is not valid CSS',
      'combine.0.remove.0: "x!" is not valid CSS',
    ]);
    expect(seen).toEqual(expect.arrayContaining(['main', 'h1!', 'x!']));
  });

  it('a range has exactly one start and one end, each non-empty', () => {
    expect(
      issues(create.safeParse({ ...base, select: { startBefore: 'a', startAfter: 'b', endBefore: 'c' } })),
    ).toEqual(['select.0: a range needs exactly one of startBefore and startAfter']);
    expect(
      issues(update.safeParse({ remove: [{ startAfter: 'a', endBefore: 'c', endAfter: 'd' }] })),
    ).toEqual(['remove.0: a range needs exactly one of endBefore and endAfter']);
    expect(issues(update.safeParse({ select: [{ startAfter: '', endBefore: 'c' }] }))).toEqual([
      'select.0: startAfter must be a non-empty CSS selector',
    ]);
  });

  it('a combined document needs no url of its own; PATCH combine: null makes it one page', () => {
    expect(
      create.parse({ vendor: 'acme', title: 'T', combine: [{ url: 'https://acme.example/1' }] }),
    ).toMatchObject({
      combine: [{ url: 'https://acme.example/1' }],
    });
    expect(issues(create.safeParse({ vendor: 'acme', title: 'T' }))).toEqual([
      'url: a document needs a url (or combine sources)',
    ]);
    expect(update.parse({ combine: null })).toEqual({ combine: null });
  });

  it('documents one-or-a-list selectors in OpenAPI as a oneOf, not as an array', () => {
    const select = (documentInputOpenApi().create['properties'] as Record<string, Record<string, unknown>>)[
      'select'
    ];
    expect(select).not.toHaveProperty('type');
    expect(JSON.stringify(select?.['oneOf'])).toMatch(/"startBefore"/);
  });
});
