import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../db/database';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

/** Sessions and bearer tokens are stored only as hashes; a stolen database holds no live token. */
export async function createSession(
  db: DbOrTrx,
  input: { userId: number; kind: 'cookie' | 'token'; expiresAt: Date },
): Promise<{ token: string; csrfToken: string | null }> {
  const token = newToken();
  const csrfToken = input.kind === 'cookie' ? newToken() : null;
  await db
    .insertInto('auth_session')
    .values({
      id_hash: hashToken(token),
      user_id: input.userId,
      kind: input.kind,
      csrf_token: csrfToken,
      expires_at: input.expiresAt,
    })
    .execute();
  return { token, csrfToken };
}

export async function findLiveSession(db: DbOrTrx, token: string, now: Date) {
  return db
    .selectFrom('auth_session')
    .selectAll()
    .where('id_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: DbOrTrx, token: string): Promise<void> {
  await db.deleteFrom('auth_session').where('id_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: DbOrTrx, now: Date): Promise<void> {
  await db.deleteFrom('auth_session').where('expires_at', '<=', now).execute();
}
