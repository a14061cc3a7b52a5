import { Command } from '@nestjs/cqrs';
import type { DataDeletionResponseDto } from '../../dto/credential.response.dto.js';

/** Facebook's data deletion callback: erase what we hold about that person. */
export class RequestDataDeletionCommand extends Command<DataDeletionResponseDto> {
  constructor(
    readonly signedRequest: string,
    /** The callback request's X-Request-Id, the correlation id of the events it causes. */
    readonly requestId: string | null = null,
  ) {
    super();
  }
}
