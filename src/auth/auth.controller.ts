import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal, type UserPrincipal } from '../common/principal.js';
import { ForbiddenError } from '../infrastructure/errors/domain-error.js';
import { ApiErrors } from '../infrastructure/http/api-errors.decorator.js';
import { RevokeSessionCommand } from './commands/revoke-session/revoke-session.command.js';
import { MeResponseDto } from './dto/user.response.dto.js';
import { GetMeQuery } from './queries/get-me/get-me.query.js';
import { clearSessionCookies } from './session-cookie.js';

function userOnly(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new ForbiddenError('Only a signed-in user can do this, not an authorization token');
  return principal;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class AuthController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiErrors(401, 403)
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponseDto> {
    return this.queryBus.execute(new GetMeQuery(userOnly(principal).userId));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the calling session; its token stops working at once (the session cookies are cleared)' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.commandBus.execute(new RevokeSessionCommand(userOnly(principal).sessionId));
    clearSessionCookies(reply);
  }
}
