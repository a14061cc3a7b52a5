import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../infrastructure/http/paging.js';

/** A routing key: the CloudEvents type without `tech.entropy.`, e.g. `credential.linked`. */
const ROUTING_KEY = '[a-z][a-z_]*\\.[a-z][a-z_]*';

export class ListEventsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only events whose `sequence` is greater than this one', example: '00000000000000000042' })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'after must be an event sequence (a decimal of at most 20 digits)' })
  after?: string;

  @ApiPropertyOptional({
    description: 'Comma list of event types without `tech.entropy.`',
    example: 'credential.linked,credential.unlinked',
  })
  @IsOptional()
  @Matches(new RegExp(`^${ROUTING_KEY}(,${ROUTING_KEY}){0,49}$`), {
    message: 'type must be a comma list of event types such as credential.linked',
  })
  type?: string;
}
