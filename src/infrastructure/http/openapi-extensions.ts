/** Set by `Public()` and `CallerIfAny()` (src/common/public.decorator.ts); turned into `security` by openapi.ts. */
export const PUBLIC_EXTENSION = 'x-entropy-public';
export const CALLER_IF_ANY_EXTENSION = 'x-entropy-caller-if-any';
