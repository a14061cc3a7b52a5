import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { MeResponseDto } from '../../dto/user.response.dto.js';
import { GetMeQuery } from './get-me.query.js';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ userId }: GetMeQuery): Promise<MeResponseDto> {
    const rows: MeResponseDto[] = await this.dataSource.query('SELECT id, name, email, is_admin FROM users WHERE id = $1', [userId]);
    return rows[0];
  }
}
