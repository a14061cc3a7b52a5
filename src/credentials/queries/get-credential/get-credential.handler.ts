import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { authorize } from '../../../organizations/organization-access.js';
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
    await authorize(this.db, principal, organizationId, CREDENTIAL_RULES.read);
    const [row]: CredentialRow[] = await this.db.query(
      `SELECT ${CREDENTIAL_COLUMNS} FROM credentials c WHERE c.id = $1 AND c.organization_id = $2`,
      [credentialId, organizationId],
    );
    if (!row) throw new CredentialNotFoundError();
    return toCredentialResponse(row);
  }
}
