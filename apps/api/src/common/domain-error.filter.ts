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

/**
 * The one exception filter: domain errors map to their HTTP status, HttpExceptions
 * keep theirs, anything else is a 500 whose details stay in the log. Every error body
 * carries a correlation id that is also in the log line.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const correlationId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();

    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: Record<string, unknown> = {
      error: 'internal_error',
      message: 'Something went wrong on our side.',
    };
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
    }
    if (status >= 500) {
      this.logger.error({
        correlationId,
        path: request.path,
        err: exception instanceof Error ? exception.stack : exception,
      });
    }
    response.status(status).json({ ...body, correlationId });
  }
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
    case 429:
      return 'too_many_requests';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'error';
  }
}
