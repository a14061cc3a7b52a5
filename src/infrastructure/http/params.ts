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
 * The version an If-Match header asks for: undefined when absent or `*`, -1 (never current)
 * when it names no ETag this API issued.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((tag) => tag.trim());
  if (tags.includes('*')) return undefined;
  for (const tag of tags) {
    const match = /^"(\d+)"$/.exec(tag);
    if (match) return Number(match[1]);
  }
  return -1;
}
