import { Module } from '@nestjs/common';
import { TokenUsageRecorder } from './token-usage.recorder.js';

/**
 * The one piece of the tokens module that the auth module uses: recording that a token was used
 * when it authenticates a request (authorization_tokens.last_used_at). Kept apart from
 * TokensModule so the CLI gets it alone.
 */
@Module({
  providers: [TokenUsageRecorder],
  exports: [TokenUsageRecorder],
})
export class TokenUsageModule {}
