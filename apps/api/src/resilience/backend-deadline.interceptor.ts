import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, NEVER, type Observable, race, switchMap, throwError, timer } from 'rxjs';

import { ApiError } from '../common/api.errors';
import { BackendProbe } from './backend-probe.service';

/** A request slower than this asks whether a backend is down; the probe adds at most 250 ms. */
export const BACKEND_DEADLINE_MS = 600;

const SKIP = 'fineprint:skip-backend-deadline';
/** For routes that report on the backends themselves (/health answers with its own details). */
export const SkipBackendDeadline = () => SetMetadata(SKIP, true);

/**
 * With PostgreSQL or Redis gone, a query or an enqueue can wait for a reconnection that
 * does not come (BullMQ's client queues commands while offline). A request still running
 * after the deadline probes both backends: if one is down the caller gets a 503 at once
 * (the work may still finish once the backend is back; enqueues are idempotent by job id),
 * otherwise the request simply goes on.
 */
@Injectable()
export class BackendDeadlineInterceptor implements NestInterceptor {
  constructor(
    private readonly probe: BackendProbe,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.getAllAndOverride<boolean>(SKIP, [context.getHandler(), context.getClass()]))
      return next.handle();
    return race(
      next.handle(),
      timer(BACKEND_DEADLINE_MS).pipe(
        switchMap(() => from(this.probe.down())),
        switchMap((down) =>
          down
            ? throwError(
                () =>
                  new ApiError(
                    503,
                    'unavailable',
                    down === 'database'
                      ? 'The database is not reachable; try again shortly.'
                      : 'The job queue is not reachable; try again shortly.',
                  ),
              )
            : NEVER,
        ),
      ),
    );
  }
}
