import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { SecretBox } from '../../../infrastructure/security/secret-box.js';
import { credentialIdentity } from '../../domain/credential.entity.js';
import { revocationIdentity } from '../../revocation/facebook-revocation.queue.js';
import { RotateEncryptionKeysCommand } from './rotate-encryption-keys.command.js';

/** Every column holding a sealed token, with the identity its values are bound to. */
const SEALED_COLUMNS = [
  { table: 'credentials', identity: credentialIdentity },
  { table: 'facebook_revocations', identity: revocationIdentity },
] as const;

const BATCH = 200;

/**
 * Re-encrypts, batch by batch, each value not yet under the current (first) key; values already under
 * it are left alone, so a rerun after an interruption continues where it stopped. A value no key
 * opens stops the run with an error naming its row, never its content.
 */
@CommandHandler(RotateEncryptionKeysCommand)
export class RotateEncryptionKeysHandler implements ICommandHandler<RotateEncryptionKeysCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
  ) {}

  async execute(): Promise<{ rotated: number }> {
    let rotated = 0;
    for (const { table, identity } of SEALED_COLUMNS) {
      for (;;) {
        const count = await this.uow.run((tx) => this.rotateBatch(tx.manager, table, identity));
        rotated += count;
        if (count < BATCH) break;
      }
    }
    return { rotated };
  }

  private async rotateBatch(manager: EntityManager, table: string, identity: (id: number) => string): Promise<number> {
    const rows: { id: number; encrypted_token: string }[] = await manager.query(
      `SELECT id, encrypted_token FROM ${table}
        WHERE encrypted_token IS NOT NULL AND split_part(encrypted_token, '.', 2) <> $1
        ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [this.box.currentKeyId],
    );
    for (const row of rows) {
      let resealed: string;
      try {
        resealed = this.box.reseal(row.encrypted_token, identity(row.id));
      } catch (error) {
        throw new Error(`${table} row ${row.id}: ${(error as Error).message}`);
      }
      await manager.query(`UPDATE ${table} SET encrypted_token = $2 WHERE id = $1`, [row.id, resealed]);
    }
    return rows.length;
  }
}
