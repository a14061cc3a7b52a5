import { OrganizationPageQuery } from '../../../organizations/organization-page.query.js';
import type { AuthorizationTokenResponseDto } from '../../dto/authorization-token.response.dto.js';

export class ListTokensQuery extends OrganizationPageQuery<AuthorizationTokenResponseDto> {}
