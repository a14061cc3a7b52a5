import { OrganizationPageQuery } from '../../../organizations/organization-page.query.js';
import type { CredentialResponseDto } from '../../dto/credential.response.dto.js';

export class ListCredentialsQuery extends OrganizationPageQuery<CredentialResponseDto> {}
