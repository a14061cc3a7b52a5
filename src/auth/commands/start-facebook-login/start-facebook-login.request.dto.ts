import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class StartFacebookLoginQueryDto {
  @ApiPropertyOptional({
    description: 'Where the browser lands after signing in; must be on the WEB_APP_URL origin (a path is resolved against it)',
    example: 'http://localhost:5173/organizations',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  redirect?: string;
}
