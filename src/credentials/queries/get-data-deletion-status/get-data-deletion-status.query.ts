import { Query } from '@nestjs/cqrs';
import type { DataDeletionStatusResponseDto } from '../../dto/credential.response.dto.js';

export class GetDataDeletionStatusQuery extends Query<DataDeletionStatusResponseDto> {
  constructor(readonly confirmationCode: string) {
    super();
  }
}
