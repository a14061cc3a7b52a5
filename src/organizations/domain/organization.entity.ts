import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '@nestjs/cqrs';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DomainEvent } from '../../infrastructure/outbox/domain-event.js';
import { OrganizationCreatedEvent } from './events/organization-created.event.js';
import { OrganizationDeletedEvent } from './events/organization-deleted.event.js';
import { OrganizationUpdatedEvent } from './events/organization-updated.event.js';

/** Profile fields a caller may set; `verified`/`verified_at` are platform-admin only. */
export const PROFILE_FIELDS = [
  'name',
  'currency',
  'domain',
  'website_url',
  'webhook_url',
  'contact_email',
  'legal_contact_email',
  'technical_contact_email',
  'support_email',
  'support_url',
  'zip_or_postal_code',
  'organization_type',
  'bio',
  'twitter_url',
  'facebook_url',
  'linked_in_url',
  'photo_url',
  'address',
  'city',
  'state_or_province',
  'country',
] as const;
export const ADMIN_FIELDS = ['verified', 'verified_at'] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type AdminField = (typeof ADMIN_FIELDS)[number];
export type OrganizationChanges = Partial<Record<ProfileField, string | null>> & {
  verified?: boolean;
  verified_at?: Date | null;
};

const nullableText = { type: 'varchar', nullable: true } as const;

/** Column names are the wire names, so the query side can select them as they are. */
@Entity('organizations')
export class Organization extends AggregateRoot<DomainEvent> {
  @PrimaryColumn('uuid') id: string;
  @Column() name: string;
  @Column(nullableText) currency: string | null;
  @Column(nullableText) domain: string | null;
  @Column(nullableText) website_url: string | null;
  @Column(nullableText) webhook_url: string | null;
  @Column(nullableText) contact_email: string | null;
  @Column(nullableText) legal_contact_email: string | null;
  @Column(nullableText) technical_contact_email: string | null;
  @Column(nullableText) support_email: string | null;
  @Column(nullableText) support_url: string | null;
  @Column(nullableText) zip_or_postal_code: string | null;
  @Column(nullableText) organization_type: string | null;
  @Column({ type: 'text', nullable: true }) bio: string | null;
  @Column(nullableText) twitter_url: string | null;
  @Column(nullableText) facebook_url: string | null;
  @Column(nullableText) linked_in_url: string | null;
  @Column(nullableText) photo_url: string | null;
  @Column(nullableText) address: string | null;
  @Column(nullableText) city: string | null;
  @Column(nullableText) state_or_province: string | null;
  @Column(nullableText) country: string | null;
  @Column() vanity_slug: string;
  @Column({ default: false }) verified: boolean;
  @Column({ type: 'timestamptz', nullable: true }) verified_at: Date | null;
  @Column({ default: 1 }) version: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) created_at: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updated_at: Date;

  static create(profile: OrganizationChanges & { name: string }, slug: string, ownerId: number): Organization {
    const organization = new Organization();
    organization.id = randomUUID();
    for (const field of PROFILE_FIELDS) (organization as Record<ProfileField, string | null>)[field] = profile[field] ?? null;
    organization.name = profile.name.trim();
    organization.vanity_slug = slug;
    organization.verified = false;
    organization.verified_at = null;
    organization.version = 1;
    organization.apply(new OrganizationCreatedEvent(organization.id, organization.name, ownerId));
    return organization;
  }

  /** Applies the fields that actually differ; returns their names (empty when nothing changed). */
  update(changes: OrganizationChanges): string[] {
    const changed: string[] = [];
    for (const field of [...PROFILE_FIELDS, ...ADMIN_FIELDS]) {
      if (!(field in changes) || changes[field] === undefined) continue;
      const next = changes[field] ?? null;
      if (!sameValue(this[field], next)) {
        (this as Record<string, unknown>)[field] = next;
        changed.push(field);
      }
    }
    if (changes.verified === true && !this.verified_at && !('verified_at' in changes)) {
      this.verified_at = new Date();
      changed.push('verified_at');
    }
    if (changed.length > 0) {
      this.version += 1;
      this.updated_at = new Date();
      this.apply(new OrganizationUpdatedEvent(this.id, changed, this.version));
    }
    return changed;
  }

  delete(): void {
    this.apply(new OrganizationDeletedEvent(this.id, this.name));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return a === b;
}

/** URL-safe slug of a name: lowercase ascii words joined by dashes. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
  return slug || 'organization';
}
