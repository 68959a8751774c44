import { type PipeTransform } from '@nestjs/common';

import { ApiError } from './api.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id: anything that is not a UUID cannot exist, so it is a 404 like an unknown one. */
export class IdPipe implements PipeTransform<string, string> {
  constructor(private readonly what = 'Record') {}

  transform(value: string): string {
    if (!UUID.test(value))
      throw new ApiError(404, 'not_found', `${this.what} ${value.slice(0, 80)} does not exist.`);
    return value.toLowerCase();
  }
}
