/** An error the API shows to its caller as is: a code, a message, an HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} ${id} does not exist.`);
  }
}

export class ValidationError extends ApiError {
  constructor(issues: { path: string; message: string }[]) {
    super(400, 'invalid_input', issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; '), issues);
  }
}
