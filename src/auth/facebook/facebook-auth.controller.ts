import { Controller, Get, Inject, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../common/principal.js';
import { CallerIfAny, Public } from '../../common/public.decorator.js';
import { appConfig, type AppConfig } from '../../infrastructure/config/app.config.js';
import { UnauthenticatedError } from '../../infrastructure/errors/domain-error.js';
import { ApiErrors } from '../../infrastructure/http/api-errors.decorator.js';
import { FacebookIdentityInUseError } from '../auth.errors.js';
import { FacebookLoginNotStartedHereError } from './facebook-login.errors.js';
import { RateLimitByAddress } from '../../infrastructure/http/rate-limit.decorator.js';
import {
  SignInWithFacebookCommand,
  type FacebookIdentity,
  type LinkTarget,
} from '../commands/sign-in-with-facebook/sign-in-with-facebook.command.js';
import { StartFacebookLoginCommand } from '../commands/start-facebook-login/start-facebook-login.command.js';
import { StartFacebookLoginQueryDto } from '../commands/start-facebook-login/start-facebook-login.request.dto.js';
import { SessionResponseDto } from '../dto/user.response.dto.js';
import { setLoginNonceCookie, setSessionCookies } from '../session-cookie.js';
import { FacebookCallbackExceptionFilter } from './facebook-callback.filter.js';
import { FacebookCallbackGuard } from './facebook-callback.guard.js';
import { FacebookLoginEnabledGuard } from './facebook-login-enabled.guard.js';
import { LOGIN_STATE_TTL_SECONDS } from './facebook-login.options.js';
import { returnTarget, wantsJson } from './sign-in-response.js';

/** `?link=1` attaches Facebook to a person's account: only a user session qualifies, not an organization token. */
function linkingCaller(principal: Principal | undefined): LinkTarget {
  if (principal?.kind !== 'user') {
    throw new UnauthenticatedError('Linking Facebook (?link=1) needs a signed-in user: send the session cookie or a bearer session token');
  }
  return { userId: principal.userId, sessionId: principal.sessionId };
}

@ApiTags('auth')
@Public()
@RateLimitByAddress()
@UseGuards(FacebookLoginEnabledGuard)
@Controller('auth/facebook')
export class FacebookAuthController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(appConfig.KEY) private readonly settings: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'startFacebookLogin',
    summary: 'Sign in with Facebook: redirects to the Facebook login dialog',
    description:
      '302 to the Facebook login dialog with a single-use state, bound to this browser by a login cookie. ' +
      'With ?link=1 from a signed-in user, the callback attaches the Facebook identity to that account (409 if another account holds it)',
  })
  @ApiFoundResponse({
    description:
      'To the Facebook login dialog. Sets the `entropy_login` cookie (HttpOnly; Secure; SameSite=Lax; Path=/v1/auth/facebook; 10 minutes), ' +
      'which the callback requires: API clients must keep it (a cookie jar) and send it back with the callback',
    headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 503)
  @CallerIfAny()
  async start(@Query() query: StartFacebookLoginQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const linkTo = query.link === '1' ? linkingCaller(request.principal) : undefined;
    const { dialogUrl, nonce } = await this.commandBus.execute(new StartFacebookLoginCommand(query.redirect, linkTo));
    setLoginNonceCookie(reply, nonce, LOGIN_STATE_TTL_SECONDS);
    void reply.header('cache-control', 'no-store').redirect(dialogUrl, 302);
  }

  @Get('callback')
  @UseGuards(FacebookCallbackGuard)
  @UseFilters(FacebookCallbackExceptionFilter)
  @ApiOperation({
    operationId: 'completeFacebookLogin',
    summary: 'Facebook returns here: opens a session',
    description:
      'Creates or updates the user and opens a session (JSON for Accept: application/json, else a cookie and a 302 to the web app). ' +
      'Needs the `entropy_login` cookie set by GET /v1/auth/facebook (400 FACEBOOK.LOGIN_NOT_STARTED_HERE without it); clears it',
  })
  @ApiQuery({ name: 'code', required: false, description: 'Authorization code from Facebook' })
  @ApiQuery({ name: 'state', required: true, description: 'The single-use state issued by GET /v1/auth/facebook' })
  @ApiQuery({ name: 'error', required: false, description: 'Set by Facebook when the person cancels (access_denied)' })
  @ApiOkResponse({ type: SessionResponseDto, description: 'With `Accept: application/json`' })
  @ApiFoundResponse({
    description:
      'Otherwise: to WEB_APP_URL (or the validated redirect) with the session in an HttpOnly; Secure; SameSite=Lax cookie ' +
      '`entropy_session` and the CSRF cookie `entropy_csrf`; on a denial or bad state, to the web app with `error` and `error_description`',
    headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 409, 502, 503, new FacebookLoginNotStartedHereError(), new FacebookIdentityInUseError())
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const identity = (request as FastifyRequest & { user: FacebookIdentity }).user;
    // The link target comes only from the consumed server-side state, never from this request.
    const session = await this.commandBus.execute(new SignInWithFacebookCommand(identity, request.facebookLogin?.link));
    void reply.header('cache-control', 'no-store');
    if (wantsJson(request)) {
      void reply.status(200).send(session);
      return;
    }
    setSessionCookies(reply, session.access_token, session.expires_in);
    void reply.redirect(returnTarget(request, this.settings).toString(), 302);
  }
}
