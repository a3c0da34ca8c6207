// Errors the use cases throw on purpose. Each carries a stable ErrorCode; the API turns it into
// problem+json. Anything else reaching the API is a bug and is answered with a generic 500.
import type { ErrorCode, FieldError } from '../contract/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: readonly FieldError[];
  /** Extra members for the problem document (e.g. the current state on a conflict). */
  readonly extra: Readonly<Record<string, unknown>>;
  constructor(code: ErrorCode, detail: string, options: { errors?: readonly FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors ?? [];
    this.extra = options.extra ?? {};
  }
}

export function notFound(what = 'The resource'): AppError {
  return new AppError('not-found', `${what} was not found or you do not have access to it.`);
}

export function forbidden(detail = 'You do not have permission to do this.'): AppError {
  return new AppError('forbidden', detail);
}

/** `AppError('validation-failed')` for field errors found by the use case. */
export function invalid(what: string, errors: readonly { pointer: string; detail: string }[]): AppError {
  return new AppError('validation-failed', `${what} has invalid fields.`, { errors });
}
