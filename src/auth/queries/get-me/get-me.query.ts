import { Query } from '@nestjs/cqrs';
import type { MeResponseDto } from '../../dto/user.response.dto.js';

export class GetMeQuery extends Query<MeResponseDto> {
  constructor(readonly userId: number) {
    super();
  }
}
