import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class StartFacebookLoginQueryDto {
  @ApiPropertyOptional({
    description: 'Where the browser lands after signing in; must be on the WEB_APP_URL origin (a path is resolved against it)',
    example: 'http://localhost:5173/organizations',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  redirect?: string;

  @ApiPropertyOptional({
    enum: ['1'],
    description:
      'Attach the Facebook identity to the signed-in caller (session cookie or bearer session token) at the callback, ' +
      'instead of signing in by it; 401 without a signed-in caller',
  })
  @IsOptional()
  @IsIn(['1'])
  link?: '1';
}
