import { type LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

import { type Env } from './env.schema';

/** The process logger: JSON lines, with ids as fields; never secrets or email addresses. */
export function createLogger(config: Pick<Env, 'LOG_LEVEL'>, base: Record<string, unknown> = {}): Logger {
  return pino({
    level: config.LOG_LEVEL,
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
  });
}

/** Nest's logger interface over pino, so framework and app logs share one stream. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
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
    if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
