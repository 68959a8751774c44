import { type PipeTransform } from '@nestjs/common';
import { type ZodType } from 'zod';

import { ValidationError } from './api.errors';

/** Validates a body or query with a contracts schema; a failure is a 400 naming each field. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const nul = findNul(value);
    if (nul !== null)
      throw new ValidationError([{ path: nul, message: 'must not contain a NUL character (\\u0000)' }]);
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
}

/** The path of the first string (or key) holding a NUL, which PostgreSQL cannot store; null if none. */
function findNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNul(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
