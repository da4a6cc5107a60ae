import { createHash, randomBytes } from 'node:crypto';

export const sessionCookieName = 'sk_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions are stored by the token's hash, so a copy of the database holds no usable cookie. The
 * hashes of the tokens seen last are kept in memory (a SHA-256 on every request was ~2 % of a
 * write's CPU, issue 18), least recently added dropped past 1,000.
 */
export function sessionIdOf(token: string): string {
  let id = recentHashes.get(token);
  if (id === undefined) {
    id = createHash('sha256').update(token).digest('hex');
    recentHashes.set(token, id);
    if (recentHashes.size > 1000) recentHashes.delete(recentHashes.keys().next().value as string);
  }
  return id;
}

const recentHashes = new Map<string, string>();
