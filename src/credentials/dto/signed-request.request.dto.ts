import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The form body Facebook posts to the deauthorize and data deletion callbacks. */
export class SignedRequestRequestDto {
  @ApiProperty({ description: 'base64url(HMAC-SHA256 signature).base64url(JSON payload with user_id)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8192)
  signed_request: string;
}
