import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../domain/role.js';

export class OrganizationIdResponseDto {
  @ApiProperty({ example: '00000000-0000-0000-000a-000a000000aa', format: 'uuid' }) id: string;
}

const text = { nullable: true, type: String } as const;

export class OrganizationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'My fake organization' }) name: string;
  @ApiProperty({ ...text, example: 'MXN' }) currency: string | null;
  @ApiProperty(text) domain: string | null;
  @ApiProperty(text) website_url: string | null;
  @ApiProperty(text) webhook_url: string | null;
  @ApiProperty(text) contact_email: string | null;
  @ApiProperty(text) legal_contact_email: string | null;
  @ApiProperty(text) technical_contact_email: string | null;
  @ApiProperty(text) support_email: string | null;
  @ApiProperty(text) support_url: string | null;
  @ApiProperty(text) zip_or_postal_code: string | null;
  @ApiProperty(text) organization_type: string | null;
  @ApiProperty(text) bio: string | null;
  @ApiProperty(text) twitter_url: string | null;
  @ApiProperty(text) facebook_url: string | null;
  @ApiProperty(text) linked_in_url: string | null;
  @ApiProperty(text) photo_url: string | null;
  @ApiProperty(text) address: string | null;
  @ApiProperty(text) city: string | null;
  @ApiProperty(text) state_or_province: string | null;
  @ApiProperty(text) country: string | null;
  @ApiProperty({ ...text, description: 'address, city, state, zip and country joined' }) location: string | null;
  @ApiProperty({ example: 'my-fake-organization' }) vanity_slug: string;
  @ApiProperty({ example: 'http://localhost:3000/org/my-fake-organization' }) vanity_url: string;
  @ApiProperty() verified: boolean;
  @ApiProperty({ ...text, format: 'date-time' }) verified_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
  @ApiProperty({
    enum: ['owner', 'admin', 'member'],
    nullable: true,
    description: "The caller's role; null for platform admins and tokens",
  })
  role: Role | null;
}

/** The columns the query side selects for an organization. */
export const ORGANIZATION_COLUMNS = `o.id, o.name, o.currency, o.domain, o.website_url, o.webhook_url, o.contact_email,
  o.legal_contact_email, o.technical_contact_email, o.support_email, o.support_url, o.zip_or_postal_code,
  o.organization_type, o.bio, o.twitter_url, o.facebook_url, o.linked_in_url, o.photo_url, o.address, o.city,
  o.state_or_province, o.country, o.vanity_slug, o.verified, o.verified_at, o.created_at, o.updated_at, o.version`;

export interface OrganizationRow extends Omit<
  OrganizationResponseDto,
  'location' | 'vanity_url' | 'verified_at' | 'created_at' | 'updated_at' | 'role'
> {
  verified_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  role?: Role | null;
}

/**
 * Names every wire field: a column added to the table (or a property of the entity, which the update
 * handler passes) never reaches an answer unless it is listed here.
 */
export function toOrganizationResponse(row: OrganizationRow, publicUrl: string, role: Role | null): OrganizationResponseDto {
  const location = [row.address, row.city, row.state_or_province, row.zip_or_postal_code, row.country]
    .filter((part) => part && part.trim())
    .join(' ');
  return {
    id: row.id,
    name: row.name,
    currency: row.currency?.trim() ?? null,
    domain: row.domain,
    website_url: row.website_url,
    webhook_url: row.webhook_url,
    contact_email: row.contact_email,
    legal_contact_email: row.legal_contact_email,
    technical_contact_email: row.technical_contact_email,
    support_email: row.support_email,
    support_url: row.support_url,
    zip_or_postal_code: row.zip_or_postal_code,
    organization_type: row.organization_type,
    bio: row.bio,
    twitter_url: row.twitter_url,
    facebook_url: row.facebook_url,
    linked_in_url: row.linked_in_url,
    photo_url: row.photo_url,
    address: row.address,
    city: row.city,
    state_or_province: row.state_or_province,
    country: row.country,
    location: location || null,
    vanity_slug: row.vanity_slug,
    vanity_url: `${publicUrl}/org/${row.vanity_slug}`,
    verified: row.verified,
    verified_at: row.verified_at ? new Date(row.verified_at).toISOString() : null,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
    role,
  };
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
