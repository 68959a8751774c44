import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

import { type Env } from './env.schema';

/** The process logger: JSON lines, with ids as fields; never secrets or email addresses. */
export function createLogger(
  config: Pick<Env, 'LOG_LEVEL'>,
  base: Record<string, unknown> = {},
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    base: { pid: process.pid, ...base },
    redact: {
      paths: [
        'email',
        '*.email',
        'secret',
        '*.secret',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's logger interface over pino, so framework and app logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  /**
   * Nest calls this as `error(message, stack?, context?)`; the filter passes a record.
   * Errors keep their type, message and stack (pino's serializer), records their fields:
   * never `[object Object]`.
   */
  error(message: unknown, ...rest: unknown[]): void {
    const strings = rest.filter((r): r is string => typeof r === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const stack = strings.length > 1 ? strings[0] : undefined;
    if (message instanceof Error) this.logger.error({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) {
      const { msg, ...fields } = message as Record<string, unknown>;
      this.logger.error(
        { context, ...(stack ? { stack } : {}), ...fields },
        typeof msg === 'string' ? msg : 'error',
      );
    } else this.logger.error({ context, ...(stack ? { stack } : {}) }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string): void {
    this.write('fatal', message, context);
  }

  private write(
    level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    context?: string,
  ): void {
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) {
      const { msg, ...fields } = message as Record<string, unknown>;
      this.logger[level]({ context, ...fields }, typeof msg === 'string' ? msg : undefined);
    } else this.logger[level]({ context }, String(message));
  }
}
