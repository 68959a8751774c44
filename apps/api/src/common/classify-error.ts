/**
 * What an unexpected error means for the caller, from its codes (never its message):
 * a backend that cannot be reached is a 503 (try again), a body the HTTP layer refused
 * keeps its 4xx, a database constraint is a 409 or 400. Anything else stays a 500.
 */
export type ErrorClass = { status: number; code: string; message: string } | null;

/** Node socket errors that mean "the other side is not there". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
]);
/** Prisma's codes for an unreachable database or a pool that could not give a connection. */
const PRISMA_UNREACHABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds with the same meaning. */
const ADAPTER_UNREACHABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
/** body-parser's refusals (http-errors with `expose`), by type. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'The body is larger than allowed.' },
  'entity.parse.failed': { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' },
  'charset.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Only UTF-8 bodies are accepted.',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'unsupported_media_type',
    message: 'This content encoding is not accepted.',
  },
  'parameters.too.many': { status: 413, code: 'payload_too_large', message: 'Too many form fields.' },
  'request.size.invalid': { status: 400, code: 'bad_request', message: 'The body is shorter than declared.' },
  'request.aborted': { status: 400, code: 'bad_request', message: 'The request was aborted.' },
  'stream.encoding.set': { status: 400, code: 'bad_request', message: 'The body could not be read.' },
};

type Inspectable = {
  code?: unknown;
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  kind?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown; code?: unknown } & Record<string, unknown>;
  name?: unknown;
};

/** Each error in a chain of causes (and Prisma's wrapped driver error), at most 8 deep. */
function* chain(error: unknown): Generator<Inspectable> {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const e = current as Inspectable;
    yield e;
    const adapter = e.meta?.driverAdapterError;
    if (typeof adapter === 'object' && adapter !== null) yield* chain(adapter);
    current = e.cause;
  }
}

export function classifyError(error: unknown): ErrorClass {
  for (const e of chain(error)) {
    if (typeof e.type === 'string' && e.type in BODY_ERRORS && e.expose === true) {
      return BODY_ERRORS[e.type] ?? null;
    }
    // any other refusal of the HTTP layer (http-errors: an exposed 4xx, e.g. a body that
    // claims gzip and is not) keeps its status
    const status = typeof e.status === 'number' ? e.status : undefined;
    if (e.expose === true && status !== undefined && status >= 400 && status < 500)
      return {
        status,
        code: status === 413 ? 'payload_too_large' : 'bad_request',
        message: 'The request body could not be read.',
      };
    if (e.name === 'PrismaClientInitializationError') return unavailable('database');
    if (typeof e.code === 'string') {
      if (PRISMA_UNREACHABLE.has(e.code)) return unavailable('database');
      if (e.code === 'P2002')
        return { status: 409, code: 'conflict', message: 'This conflicts with a record that exists.' };
      if (e.code === 'P2025')
        return { status: 404, code: 'not_found', message: 'This record does not exist.' };
      if (['P2000', 'P2006', 'P2007', 'P2019', 'P2020', 'P2023'].includes(e.code))
        return { status: 400, code: 'invalid_input', message: 'A value is not acceptable for storage.' };
      // SQLSTATE: 08 connection exception, 57P0x shutdown/cannot connect, 53300 too many connections
      if (/^08[0-9A-Z]{3}$/.test(e.code) || /^57P0[1-3]$/.test(e.code) || e.code === '53300')
        return unavailable('database');
      // 22 data exception (e.g. 22021 a NUL byte), 23 integrity constraint
      if (/^22[0-9A-Z]{3}$/.test(e.code))
        return { status: 400, code: 'invalid_input', message: 'A value is not acceptable for storage.' };
      if (e.code === '23505')
        return { status: 409, code: 'conflict', message: 'This conflicts with a record that exists.' };
      if (UNREACHABLE_CODES.has(e.code)) return unavailable('database');
    }
    if (typeof e.kind === 'string' && ADAPTER_UNREACHABLE.has(e.kind)) return unavailable('database');
  }
  return null;
}

export const UNAVAILABLE_MESSAGE = 'A service this request needs is not reachable; try again shortly.';

function unavailable(backend: 'database' | 'queue'): ErrorClass {
  return {
    status: 503,
    code: 'unavailable',
    message:
      backend === 'database' ? 'The database is not reachable; try again shortly.' : UNAVAILABLE_MESSAGE,
  };
}
