import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-error.js';

/** Path parameter pipes that fail with the contract's 400 body naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new ValidationFailedError(`${name} must be a UUID`, [{ field: name, message: 'must be a UUID' }]),
  });
}

export function intParam(name: string): ParseIntPipe {
  return new ParseIntPipe({
    exceptionFactory: () => new ValidationFailedError(`${name} must be an integer`, [{ field: name, message: 'must be an integer' }]),
  });
}

/**
 * The versions an If-Match header accepts (any of its ETags may match): undefined when it is
 * absent or `*`; empty when it names no ETag this API issued, so nothing matches.
 */
export function versionsFromIfMatch(header: string | undefined): number[] | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return undefined;
  return tags.flatMap((tag) => {
    const match = /^"(\d{1,9})"$/.exec(tag);
    return match ? [Number(match[1])] : [];
  });
}
