import { createHash, timingSafeEqual } from 'node:crypto';

import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type Request } from 'express';

import { APP_CONFIG, type Env } from '@fineprint/config';

import { ApiError } from './api.errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Admin writes: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(APP_CONFIG) config: Env) {
    this.expected = digest(config.ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1])
      throw new ApiError(401, 'unauthorized', 'This needs Authorization: Bearer <ADMIN_TOKEN>.');
    // hashing first gives equal lengths, so timingSafeEqual compares in constant time
    if (!timingSafeEqual(digest(match[1].trim()), this.expected)) {
      throw new ApiError(403, 'forbidden', 'The admin token is not right.');
    }
    return true;
  }
}
