import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../../../infrastructure/database/unit-of-work.js';
import { SecretBox } from '../../../infrastructure/security/secret-box.js';
import { credentialIdentity } from '../../domain/credential.entity.js';
import { webhookSecretIdentity } from '../../../webhooks/webhook-secret.js';
import { revocationIdentity } from '../../revocation/facebook-revocation.queue.js';
import { RotateEncryptionKeysCommand } from './rotate-encryption-keys.command.js';

/** Every column holding a sealed secret, with the identity its values are bound to. */
const SEALED_COLUMNS = [
  { table: 'credentials', column: 'encrypted_token', identity: credentialIdentity },
  { table: 'facebook_revocations', column: 'encrypted_token', identity: revocationIdentity },
  { table: 'webhook_secrets', column: 'encrypted_secret', identity: webhookSecretIdentity },
] as const;

const BATCH = 200;

/**
 * Walks each table by id, batch by batch, and re-encrypts every value SecretBox says is not under the
 * current (first) key; values already under it are left alone, so a rerun after an interruption
 * continues where it stopped. A value no key opens stops the run with an error naming its row, never
 * its content.
 */
@CommandHandler(RotateEncryptionKeysCommand)
export class RotateEncryptionKeysHandler implements ICommandHandler<RotateEncryptionKeysCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly box: SecretBox,
  ) {}

  async execute(): Promise<{ rotated: number }> {
    let rotated = 0;
    for (const { table, column, identity } of SEALED_COLUMNS) {
      let after = 0;
      for (;;) {
        const batch = await this.uow.run((tx) => this.rotateBatch(tx.manager, table, column, identity, after));
        rotated += batch.rotated;
        if (batch.lastId === undefined) break;
        after = batch.lastId;
      }
    }
    return { rotated };
  }

  /** One batch of rows after `after`; `lastId` is undefined once the table is done. */
  private async rotateBatch(
    manager: EntityManager,
    table: string,
    column: string,
    identity: (id: number) => string,
    after: number,
  ): Promise<{ rotated: number; lastId: number | undefined }> {
    const rows: { id: number; sealed: string }[] = await manager.query(
      `SELECT id, ${column} AS sealed FROM ${table} WHERE ${column} IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE`,
      [after],
    );
    let rotated = 0;
    for (const row of rows) {
      if (this.box.keyIdOf(row.sealed) === this.box.currentKeyId) continue;
      let resealed: string;
      try {
        resealed = this.box.reseal(row.sealed, identity(row.id));
      } catch (error) {
        throw new Error(`${table} row ${row.id}: ${(error as Error).message}`, { cause: error });
      }
      await manager.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [row.id, resealed]);
      rotated++;
    }
    return { rotated, lastId: rows.length < BATCH ? undefined : rows[rows.length - 1].id };
  }
}
