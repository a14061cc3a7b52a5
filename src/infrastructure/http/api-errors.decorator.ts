import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { DomainError } from '../errors/domain-error.js';
import { STATUS_BY_KIND } from './error-status.js';

class ErrorDetailDto {
  @ApiProperty({ example: 'currency' }) field: string;
  @ApiProperty({ example: 'currency must be an ISO 4217 currency code' }) message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 'Organization not found' }) message: string;
  @ApiProperty({ type: 'integer', example: 404 }) statusCode: number;
  @ApiProperty({ example: 'Not Found' }) error: string;
  @ApiProperty({ example: 'ORGANIZATIONS.NOT_FOUND', description: 'Stable, machine-readable' }) code: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
}

/** Where a route's own error examples travel from the decorator to refineDocument (src/infrastructure/http/openapi.ts). */
export const ROUTE_ERRORS_EXTENSION = 'x-entropy-errors';

export interface RouteErrorExample {
  status: number;
  code: string;
  message: string;
  details?: { field: string; message: string }[];
}

/**
 * Documents the contract's error body for each listed status. A status alone gets the examples
 * every route shares for it (refineDocument); a domain error instance adds that route's own
 * example, with its real code and message, under the status its kind maps to.
 */
export function ApiErrors(...errors: (number | DomainError)[]) {
  const examples: RouteErrorExample[] = errors
    .filter((error): error is DomainError => typeof error !== 'number')
    .map((error) => ({
      status: STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    }));
  const statuses = [...new Set(errors.map((error) => (typeof error === 'number' ? error : STATUS_BY_KIND[error.kind])))];
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: '', type: ErrorResponseDto })),
    ...(examples.length ? [ApiExtension(ROUTE_ERRORS_EXTENSION, examples)] : []),
  );
}
