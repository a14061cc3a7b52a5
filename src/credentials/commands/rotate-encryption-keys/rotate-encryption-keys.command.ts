import { Command } from '@nestjs/cqrs';

/** Re-encrypts every stored Facebook token under the first ENCRYPTION_KEYS key. */
export class RotateEncryptionKeysCommand extends Command<{ rotated: number }> {}
