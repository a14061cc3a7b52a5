import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
@Controller()
export class AuthController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('me')
  @ApiOperation({
    operationId: 'getMe',
    summary: 'The signed-in user',
    description:
      'The user behind the session token or cookie, with their organizations and roles; an authorization token has no user (403).',
  })
  @ApiOkResponse({ type: MeResponseDto })
  @ApiErrors(401, 403)
  me(@CurrentPrincipal() principal: Principal): Promise<MeResponseDto> {
    return this.queryBus.execute(new GetMeQuery(userOnly(principal).userId));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'logout',
    summary: 'Revoke the calling session; its token stops working at once (the session cookies are cleared)',
    description: 'Ends only the session that calls; other sessions of the same user stay open.',
  })
  @ApiNoContentResponse()
  @ApiErrors(401, 403)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.commandBus.execute(new RevokeSessionCommand(userOnly(principal).sessionId));
    clearSessionCookies(reply);
  }
}
