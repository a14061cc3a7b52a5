import type { ErrorKind } from '../errors/domain-error.js';

/** The HTTP status of each kind of domain error: the exception filter answers it, the OpenAPI document states it. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  bad_gateway: 502,
  unavailable: 503,
};
