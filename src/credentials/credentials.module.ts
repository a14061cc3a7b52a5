import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module.js';
import { SecurityModule } from '../infrastructure/security/security.module.js';
import { OrganizationDeletionHooks } from '../organizations/organization-deletion.hooks.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DeauthorizeFacebookUserHandler } from './commands/deauthorize-facebook-user/deauthorize-facebook-user.handler.js';
import { LinkCredentialHandler } from './commands/link-credential/link-credential.handler.js';
import { RelinkCredentialHandler } from './commands/relink-credential/relink-credential.handler.js';
import { RequestDataDeletionHandler } from './commands/request-data-deletion/request-data-deletion.handler.js';
import { RotateEncryptionKeysHandler } from './commands/rotate-encryption-keys/rotate-encryption-keys.handler.js';
import { StartAuthorizationHandler } from './commands/start-authorization/start-authorization.handler.js';
import { UnlinkCredentialHandler } from './commands/unlink-credential/unlink-credential.handler.js';
import { CredentialUnlinker } from './credential-unlinker.js';
import { CredentialsDeletionHook } from './credentials-deletion.hook.js';
import { CredentialsController } from './credentials.controller.js';
import { Credential } from './domain/credential.entity.js';
import { FacebookAccountVerifier } from './facebook/facebook-account.verifier.js';
import { FacebookConfiguredGuard } from './facebook/facebook-configured.guard.js';
import { FacebookGraphClient, FacebookGraphOptions } from './facebook/facebook-graph.client.js';
import { registerFormBodyParser } from './form-body.js';
import { CredentialLifecycleJob, CredentialLifecycleOptions } from './lifecycle/credential-lifecycle.job.js';
import { GetCredentialHandler } from './queries/get-credential/get-credential.handler.js';
import { GetDataDeletionStatusHandler } from './queries/get-data-deletion-status/get-data-deletion-status.handler.js';
import { ListCredentialsHandler } from './queries/list-credentials/list-credentials.handler.js';
import { FacebookRevocationQueue } from './revocation/facebook-revocation.queue.js';

@Module({
  imports: [TypeOrmModule.forFeature([Credential]), SecurityModule, OrganizationsModule, AuthModule],
  controllers: [CredentialsController],
  providers: [
    FacebookGraphOptions,
    FacebookGraphClient,
    FacebookAccountVerifier,
    FacebookConfiguredGuard,
    FacebookRevocationQueue,
    CredentialUnlinker,
    CredentialsDeletionHook,
    CredentialLifecycleOptions,
    CredentialLifecycleJob,
    StartAuthorizationHandler,
    LinkCredentialHandler,
    RelinkCredentialHandler,
    UnlinkCredentialHandler,
    DeauthorizeFacebookUserHandler,
    RequestDataDeletionHandler,
    RotateEncryptionKeysHandler,
    ListCredentialsHandler,
    GetCredentialHandler,
    GetDataDeletionStatusHandler,
  ],
})
export class CredentialsModule implements OnModuleInit {
  constructor(
    private readonly deletionHooks: OrganizationDeletionHooks,
    private readonly deletionHook: CredentialsDeletionHook,
    private readonly httpAdapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    this.deletionHooks.register(this.deletionHook);
    const fastify = this.httpAdapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify) registerFormBodyParser(fastify);
  }
}
