// The organization columns of the service's query side (src/organizations/dto/organization.response.dto.ts).
export const ORGANIZATION_COLUMNS = `o.id, o.name, o.currency, o.domain, o.website_url, o.webhook_url, o.contact_email,
  o.legal_contact_email, o.technical_contact_email, o.support_email, o.support_url, o.zip_or_postal_code,
  o.organization_type, o.bio, o.twitter_url, o.facebook_url, o.linked_in_url, o.photo_url, o.address, o.city,
  o.state_or_province, o.country, o.vanity_slug, o.verified, o.verified_at, o.created_at, o.updated_at, o.version`;
