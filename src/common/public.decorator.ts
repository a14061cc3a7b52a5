import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'entropy:public';

/** Marks a route that needs no caller (sign-in flow, Facebook platform callbacks, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CALLER_IF_ANY = 'entropy:caller-if-any';

/**
 * On a @Public() route: the caller is still identified when one presents a credential that holds
 * (request.principal), and is anonymous otherwise; a stale or bad credential is not an error here.
 */
export const CallerIfAny = () => SetMetadata(CALLER_IF_ANY, true);
