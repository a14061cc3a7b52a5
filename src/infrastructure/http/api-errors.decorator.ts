import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

class ErrorDetailDto {
  @ApiProperty({ example: 'currency' }) field: string;
  @ApiProperty({ example: 'currency must be an ISO 4217 currency code' }) message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 'Organization not found' }) message: string;
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ example: 'Not Found' }) error: string;
  @ApiProperty({ example: 'ORGANIZATIONS.NOT_FOUND', description: 'Stable, machine-readable' }) code: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (unknown field, wrong type, bad id)',
  401: 'No, unknown, expired or revoked token',
  403: 'The caller sees the resource but lacks the role or token permission',
  404: 'Absent, or not visible to the caller',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current ETag',
  413: 'Body over 100 kB',
  422: 'Idempotency-Key reused with another body',
  502: 'Facebook is unreachable or failed',
  503: 'Facebook is not configured',
};

/** Documents the contract's error body for each listed status. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto })),
  );
}
