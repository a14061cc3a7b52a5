import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { generateToken, hashToken } from '../../infrastructure/security/opaque-token.js';
import type { SessionResponseDto } from '../dto/user.response.dto.js';

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id' })
  userId: number;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Returns the session and its plain token, which exists only in this return value. */
  static open(userId: number, now = new Date()): { session: Session; token: string } {
    const token = generateToken('session');
    const session = new Session();
    session.userId = userId;
    session.tokenHash = hashToken(token);
    session.expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
    session.revokedAt = null;
    return { session, token };
  }
}

/** Opens a session for the user inside the caller's transaction; the answer holds the only copy of the token. */
export async function openSessionFor(
  manager: EntityManager,
  user: { id: number; name: string; email: string | null },
): Promise<SessionResponseDto> {
  const { session, token } = Session.open(user.id);
  await manager.getRepository(Session).insert(session);
  return {
    access_token: token,
    token_type: 'Bearer',
    expires_in: SESSION_TTL_SECONDS,
    user: { id: user.id, name: user.name, email: user.email },
  };
}
