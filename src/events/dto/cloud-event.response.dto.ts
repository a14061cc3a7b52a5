import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A CloudEvent 1.0 in structured JSON, as the contract's "Events" section describes it. */
export class CloudEventResponseDto {
  @ApiProperty({ example: '1.0' }) specversion: string;
  @ApiProperty({ format: 'uuid', description: 'The event id, the same everywhere it is delivered (deduplicate by it)' }) id: string;
  @ApiProperty({ example: 'https://api.example.com/v1/organizations/9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d' }) source: string;
  @ApiProperty({ example: 'tech.entropy.credential.linked' }) type: string;
  @ApiPropertyOptional({ example: 'credentials/7' }) subject?: string;
  @ApiProperty({ format: 'date-time', description: 'When the change committed (database clock)' }) time: string;
  @ApiProperty({ example: 'application/json' }) datacontenttype: string;
  @ApiProperty({ example: 'https://api.example.com/v1/events/schemas/credential.linked/1' }) dataschema: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Present exactly when the event belongs to an organization' })
  organizationid?: string;
  @ApiProperty({ example: '00000000000000000042', description: 'Zero-padded decimal, strictly increasing in commit order' })
  sequence: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { credential_id: 7, name: 'Carol Page', linked_by: { type: 'user', id: 3 } },
  })
  data: Record<string, unknown>;
}
