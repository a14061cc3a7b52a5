import { ApiPropertyOptional } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import { UpperCase } from '../../infrastructure/http/validators.js';
import { IsEmail, IsISO4217CurrencyCode, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

function OptionalUrl(example: string) {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, type: String, format: 'uri' }),
    IsOptional(),
    IsUrl(URL_RULES, { message: '$property must be an http(s) URL' }),
    MaxLength(2048),
  );
}

function OptionalEmail(example: string) {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, type: String, format: 'email' }),
    IsOptional(),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(320),
  );
}

function OptionalText(example: string, max: number) {
  return applyDecorators(
    ApiPropertyOptional({ example, nullable: true, type: String, maxLength: max }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  );
}

/** The organization profile fields (Entropy seed + Credly), all optional; `null` clears one. */
export class OrganizationProfileRequestDto {
  @ApiPropertyOptional({ example: 'MXN', nullable: true, type: String, description: 'ISO 4217 code' })
  @IsOptional()
  @UpperCase()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 currency code such as USD' })
  currency?: string | null;

  @OptionalUrl('http://fake.fake') domain?: string | null;
  @OptionalUrl('https://www.example.com') website_url?: string | null;
  @OptionalUrl('https://example.com/webhook') webhook_url?: string | null;
  @OptionalEmail('hello@example.com') contact_email?: string | null;
  @OptionalEmail('legal@example.com') legal_contact_email?: string | null;
  @OptionalEmail('tech@example.com') technical_contact_email?: string | null;
  @OptionalEmail('support@example.com') support_email?: string | null;
  @OptionalUrl('https://example.com/support') support_url?: string | null;
  @OptionalText('55437', 32) zip_or_postal_code?: string | null;
  @OptionalText('Auto Parts Reseller', 200) organization_type?: string | null;
  @OptionalText('Since 1994', 5000) bio?: string | null;
  @OptionalUrl('https://twitter.com/example') twitter_url?: string | null;
  @OptionalUrl('https://www.facebook.com/example') facebook_url?: string | null;
  @OptionalUrl('https://www.linkedin.com/example') linked_in_url?: string | null;
  @OptionalUrl('https://cdn.example.com/logo.png') photo_url?: string | null;
  @OptionalText('1313 Mockingbird Lane', 500) address?: string | null;
  @OptionalText('Bloomington', 200) city?: string | null;
  @OptionalText('Minnesota', 200) state_or_province?: string | null;
  @OptionalText('United States', 200) country?: string | null;
}
