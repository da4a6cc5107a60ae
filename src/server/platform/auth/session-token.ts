import { createHash, randomBytes } from 'node:crypto';

export const sessionCookieName = 'sk_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the token's hash, so a copy of the database holds no usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
