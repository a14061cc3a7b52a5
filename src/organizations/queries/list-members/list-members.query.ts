import { OrganizationPageQuery } from '../../organization-page.query.js';
import type { MemberResponseDto } from '../../dto/member.response.dto.js';

export class ListMembersQuery extends OrganizationPageQuery<MemberResponseDto> {}
