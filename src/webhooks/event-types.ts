/** The routing keys of the contract's event catalogue that an endpoint may subscribe to (`*`: all of them). */
export const SUBSCRIBABLE_EVENT_TYPES = [
  'organization.created',
  'organization.updated',
  'organization.deleted',
  'member.added',
  'member.activated',
  'member.role_changed',
  'member.removed',
  'invitation.revoked',
  'invitation.expired',
  'credential.linked',
  'credential.relinked',
  'credential.unlinked',
  'credential.revoked',
  'credential.expired',
  'authorization_token.issued',
  'authorization_token.revoked',
  'webhook_endpoint.created',
  'webhook_endpoint.updated',
  'webhook_endpoint.deleted',
  'webhook_endpoint.disabled',
] as const;

export const PING_EVENT_TYPE = 'tech.entropy.webhook.ping';
