import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?(Z|[+-]\d\d:\d\d)$/i;

/** A date-time PostgreSQL and JavaScript both read the same way. */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string' || !RFC3339.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && time >= Date.UTC(1970, 0, 1) && time < Date.UTC(10000, 0, 1);
}

/** An RFC 3339 date-time (`2026-11-22T10:00:00Z`) between 1970 and 9999. */
export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTime',
      validator: {
        validate: (value) => isDateTime(value),
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 date-time such as 2030-01-01T00:00:00Z`,
      },
    },
    options,
  );
}

/** Trims surrounding white space before validation, so "   " is empty. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Upper-cases before validation (ISO codes arrive as `usd` too). */
export const UpperCase = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value));
