import type { InvitationResponseDto } from '../../dto/invitation.response.dto.js';
import { OrganizationPageQuery } from '../../organization-page.query.js';

export class ListInvitationsQuery extends OrganizationPageQuery<InvitationResponseDto> {}
