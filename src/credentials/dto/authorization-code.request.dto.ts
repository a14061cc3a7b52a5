import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** What Facebook handed back to FACEBOOK_LINK_REDIRECT_URI after the dialog. */
export class AuthorizationCodeRequestDto {
  @ApiProperty({ description: 'The `code` Facebook appended to the redirect URI' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  code: string;

  @ApiProperty({ description: 'The `state` from POST .../credentials/authorize, as Facebook handed it back' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  state: string;
}
