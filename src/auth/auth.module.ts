import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PendingMembershipsModule } from '../organizations/pending-memberships.module.js';
import { TokenUsageModule } from '../tokens/token-usage.module.js';
import { AuthController } from './auth.controller.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CreateUserHandler } from './commands/create-user/create-user.handler.js';
import { LinkFacebookHandler } from './commands/link-facebook/link-facebook.handler.js';
import { OpenSessionHandler } from './commands/open-session/open-session.handler.js';
import { RevokeSessionHandler } from './commands/revoke-session/revoke-session.handler.js';
import { SignInWithFacebookHandler } from './commands/sign-in-with-facebook/sign-in-with-facebook.handler.js';
import { StartFacebookLoginHandler } from './commands/start-facebook-login/start-facebook-login.handler.js';
import { Session } from './domain/session.entity.js';
import { User } from './domain/user.entity.js';
import { FacebookLoginModule } from './facebook/facebook-login.module.js';
import { PrincipalCache } from './principal.cache.js';
import { PrincipalInvalidationListener } from './principal-invalidation.listener.js';
import { PrincipalResolver } from './principal.resolver.js';
import { GetMeHandler } from './queries/get-me/get-me.handler.js';
import { UserAnonymizer } from './user-anonymizer.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session]), FacebookLoginModule, PendingMembershipsModule, TokenUsageModule],
  controllers: [AuthController],
  providers: [
    PrincipalResolver,
    // Its constructor takes limits (for tests), not dependencies: built by hand.
    { provide: PrincipalCache, useFactory: () => new PrincipalCache() },
    PrincipalInvalidationListener,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    CreateUserHandler,
    OpenSessionHandler,
    RevokeSessionHandler,
    StartFacebookLoginHandler,
    SignInWithFacebookHandler,
    LinkFacebookHandler,
    GetMeHandler,
    UserAnonymizer,
  ],
  exports: [UserAnonymizer],
})
export class AuthModule {}
