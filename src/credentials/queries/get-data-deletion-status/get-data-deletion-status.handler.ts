import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataDeletionRequestNotFoundError } from '../../credentials.errors.js';
import type { DataDeletionStatusResponseDto } from '../../dto/credential.response.dto.js';
import { GetDataDeletionStatusQuery } from './get-data-deletion-status.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

@QueryHandler(GetDataDeletionStatusQuery)
export class GetDataDeletionStatusHandler implements IQueryHandler<GetDataDeletionStatusQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ confirmationCode }: GetDataDeletionStatusQuery): Promise<DataDeletionStatusResponseDto> {
    if (!/^[0-9a-f]{24}$/.test(confirmationCode)) throw new DataDeletionRequestNotFoundError();
    const [row]: { status: 'completed'; credentials_erased: number; requested_at: Date; completed_at: Date | null }[] = await this.db.query(
      'SELECT status, credentials_erased, requested_at, completed_at FROM facebook_data_deletions WHERE confirmation_code = $1',
      [confirmationCode],
    );
    if (!row) throw new DataDeletionRequestNotFoundError();
    return {
      confirmation_code: confirmationCode,
      status: row.status,
      credentials_erased: row.credentials_erased,
      requested_at: new Date(row.requested_at).toISOString(),
      completed_at: row.completed_at ? new Date(row.completed_at).toISOString() : null,
    };
  }
}
