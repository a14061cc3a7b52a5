import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SUBSCRIBABLE_EVENT_TYPES } from '../event-types.js';

const EVENT_TYPE_CHOICES = ['*', ...SUBSCRIBABLE_EVENT_TYPES];
const EVENT_TYPES_DOC = {
  type: String,
  isArray: true,
  enum: EVENT_TYPE_CHOICES,
  enumName: 'WebhookEventType',
  example: ['organization.updated', 'member.added'],
  description: 'Routing keys of the event catalogue (the type without `tech.entropy.`), or `["*"]` for every event',
};

export class CreateWebhookRequestDto {
  @ApiProperty({ example: 'https://example.com/webhooks/entropy', maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ ...EVENT_TYPES_DOC, default: ['*'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPE_CHOICES.length)
  @IsIn(EVENT_TYPE_CHOICES, {
    each: true,
    message: `each value in event_types must be "*" or one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`,
  })
  event_types?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookRequestDto {
  @ApiPropertyOptional({ example: 'https://example.com/webhooks/entropy', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional(EVENT_TYPES_DOC)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPE_CHOICES.length)
  @IsIn(EVENT_TYPE_CHOICES, {
    each: true,
    message: `each value in event_types must be "*" or one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`,
  })
  event_types?: string[];

  @ApiPropertyOptional({ description: 'Re-enabling resumes the delivery of what is pending' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
