import { randomUUID } from 'node:crypto';

import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';

import { ApiError } from './api.errors';
import { classifyError } from './classify-error';

/** A request id a client may send (X-Request-Id) is kept if it is short and plain. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The request's id: the client's X-Request-Id if plain, else one made here (and remembered). */
export function requestIdOf(request: Request): string {
  const carrier = request as Request & { fineprintRequestId?: string };
  if (carrier.fineprintRequestId) return carrier.fineprintRequestId;
  const sent = request.headers['x-request-id'];
  const id = typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
  carrier.fineprintRequestId = id;
  return id;
}

/**
 * The one exception filter: domain errors map to their HTTP status, HttpExceptions
 * keep theirs, errors with a known meaning (an unreachable backend, a refused body, a
 * constraint) get theirs (see classify-error.ts), anything else is a 500 whose details
 * stay in the log. Every error body carries a correlation id that is also in the log
 * record, with the route and the stack.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const correlationId = requestIdOf(request);

    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: Record<string, unknown> = {
      error: 'internal_error',
      message: 'Something went wrong on our side.',
    };
    const known =
      exception instanceof ApiError || exception instanceof HttpException ? null : classifyError(exception);
    if (exception instanceof ApiError) {
      status = exception.status;
      body = {
        error: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && 'details' in payload) {
        // a health check result (Terminus): keep its report of each dependency
        body = { error: httpErrorCode(status), ...(payload as Record<string, unknown>) };
      } else {
        const message =
          typeof payload === 'string'
            ? payload
            : ((payload as { message?: unknown }).message ?? exception.message);
        body = { error: httpErrorCode(status), message };
      }
    } else if (known) {
      status = known.status;
      body = { error: known.code, message: known.message };
    }
    const record = {
      msg: status >= 500 ? 'request failed' : 'request refused',
      requestId: correlationId,
      method: request.method,
      route: routeOf(request),
      path: request.path,
      status,
      err: exception instanceof Error ? exception : new Error(String(exception)),
    };
    if (status === 503) this.logger.warn(record);
    else if (status >= 500) this.logger.error(record);
    if (response.headersSent) return; // a streamed answer that failed half way: nothing to add
    if (status === 503) response.setHeader('retry-after', '5');
    response.setHeader('x-request-id', correlationId);
    response.status(status).json({ ...body, correlationId });
  }
}

/** The route pattern (`/api/v1/documents/:id`), which groups errors better than the path. */
function routeOf(request: Request): string | undefined {
  const route: unknown = (request as { route?: unknown }).route;
  if (typeof route !== 'object' || route === null || !('path' in route)) return undefined;
  return typeof route.path === 'string' ? route.path : undefined;
}

function httpErrorCode(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'error';
  }
}
