import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { CALLER_IF_ANY_EXTENSION, PUBLIC_EXTENSION } from '../infrastructure/http/openapi-extensions.js';

export const IS_PUBLIC = 'entropy:public';

/**
 * Marks a route that needs no caller (sign-in flow, Facebook platform callbacks, health). The
 * OpenAPI document says so too (`security: []`), so a new public route is documented as one.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

export const CALLER_IF_ANY = 'entropy:caller-if-any';

/**
 * On a @Public() route: the caller is still identified when one presents a credential that holds
 * (request.principal), and is anonymous otherwise; a stale or bad credential is not an error here.
 * Documented as optional security (`{}` or any of the schemes).
 */
export const CallerIfAny = () => applyDecorators(SetMetadata(CALLER_IF_ANY, true), ApiExtension(CALLER_IF_ANY_EXTENSION, true));
