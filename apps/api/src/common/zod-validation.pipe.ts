import { type PipeTransform } from '@nestjs/common';
import { type ZodType } from 'zod';

import { ValidationError } from './api.errors';

/** Validates a body or query with a contracts schema; a failure is a 400 naming each field. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
}
