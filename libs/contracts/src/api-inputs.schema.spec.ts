import { createDocumentSchema, updateDocumentSchema } from './api-inputs.schema';

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
