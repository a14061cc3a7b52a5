import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { readAuthorized } from '../../../organizations/organization-access.js';
import { CREDENTIAL_RULES } from '../../credentials.access.js';
import { CredentialNotFoundError } from '../../credentials.errors.js';
import {
  CREDENTIAL_COLUMNS,
  toCredentialResponse,
  type CredentialResponseDto,
  type CredentialRow,
} from '../../dto/credential.response.dto.js';
import { GetCredentialQuery } from './get-credential.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

@QueryHandler(GetCredentialQuery)
export class GetCredentialHandler implements IQueryHandler<GetCredentialQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ principal, organizationId, credentialId }: GetCredentialQuery): Promise<CredentialResponseDto> {
    const {
      rows: [row],
    } = await readAuthorized<CredentialRow>(this.db, principal, organizationId, CREDENTIAL_RULES.read, [
      `SELECT ${CREDENTIAL_COLUMNS} FROM credentials c WHERE c.organization_id = $1 AND c.id = $2`,
      [organizationId, credentialId],
    ]);
    if (!row) throw new CredentialNotFoundError();
    return toCredentialResponse(row);
  }
}
