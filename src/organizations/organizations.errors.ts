import { DomainError, ForbiddenError } from '../infrastructure/errors/domain-error.js';

export class OrganizationNotFoundError extends DomainError {
  readonly code = 'ORGANIZATIONS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Organization not found');
  }
}

export class RoleRequiredError extends ForbiddenError {
  override readonly code = 'ORGANIZATIONS.ROLE_REQUIRED';
  constructor(roles: readonly string[]) {
    super(`This action needs the role ${roles.join(' or ')} in the organization`);
  }
}

export class TokenPermissionError extends ForbiddenError {
  override readonly code = 'TOKENS.PERMISSION_DENIED';
  constructor(what: string) {
    super(`This authorization token may not ${what}`);
  }
}

export class AdminOnlyFieldError extends ForbiddenError {
  override readonly code = 'ORGANIZATIONS.ADMIN_ONLY_FIELD';
  constructor() {
    super('Only a platform admin may change verified or verified_at');
  }
}

export class StaleEtagError extends DomainError {
  readonly code = 'ORGANIZATIONS.STALE_ETAG';
  readonly kind = 'precondition_failed';
  constructor() {
    super('The organization changed since the ETag in If-Match was read; fetch it again');
  }
}

export class MemberNotFoundError extends DomainError {
  readonly code = 'MEMBERS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Member not found in this organization');
  }
}

export class AlreadyMemberError extends DomainError {
  readonly code = 'MEMBERS.ALREADY_MEMBER';
  readonly kind = 'conflict';
  constructor() {
    super('This person is already a member of the organization (or has a pending invitation)');
  }
}

export class LastOwnerError extends DomainError {
  readonly code = 'MEMBERS.LAST_OWNER';
  readonly kind = 'conflict';
  constructor() {
    super('The last owner of an organization can be neither removed nor demoted; make someone else owner first');
  }
}

export class OwnerRequiredError extends ForbiddenError {
  override readonly code = 'MEMBERS.OWNER_REQUIRED';
  constructor() {
    super('Only an owner may add, promote, change or remove owners');
  }
}

export class InvitationNotFoundError extends DomainError {
  readonly code = 'INVITATIONS.NOT_FOUND';
  readonly kind = 'not_found';
  constructor() {
    super('Invitation not found in this organization (or it expired)');
  }
}

export class InvitationLimitError extends DomainError {
  readonly code = 'INVITATIONS.LIMIT';
  readonly kind = 'conflict';
  constructor(limit: number) {
    super(`An organization has at most ${limit} open invitations; revoke some first`);
  }
}
