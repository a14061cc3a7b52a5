import { Command } from '@nestjs/cqrs';

/** Re-encrypts every stored secret (Facebook tokens, webhook signing secrets) under the first ENCRYPTION_KEYS key. */
export class RotateEncryptionKeysCommand extends Command<{ rotated: number }> {}
