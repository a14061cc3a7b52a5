import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MeResponseDto } from '../../dto/user.response.dto.js';
import { GetMeQuery } from './get-me.query.js';
import { PreparedReads } from '../../../infrastructure/database/prepared-reads.js';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly db: PreparedReads) {}

  async execute({ userId }: GetMeQuery): Promise<MeResponseDto> {
    const rows: MeResponseDto[] = await this.db.query('SELECT id, name, email, is_admin FROM users WHERE id = $1', [userId]);
    return rows[0];
  }
}
