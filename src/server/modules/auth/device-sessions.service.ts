import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { DeviceSessionDto } from '../../../schemas/accounts.js';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/passwords.js';
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import { sessionIdOf } from '../../platform/auth/session-token.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import { type LoginResult, openSession, startEnterprise, verifyWithLockout } from './auth.service.js';
import * as repo from './accounts.repository.js';
import * as authRepo from './auth.repository.js';
import { workableMemberships } from './workable-enterprises.service.js';

type Client = { ip: string | null; userAgent: string | null };

async function openDeviceSession(deps: AppDeps, userId: string, lastEnterpriseId: string | null | undefined, client: Client): Promise<LoginResult> {
  const memberships = await workableMemberships(deps.db, userId);
  return withTransaction(deps.db, (trx) =>
    openSession(deps, trx, { userId, enterpriseId: startEnterprise({ last_enterprise_id: lastEnterpriseId ?? null }, memberships), kind: 'device', client }),
  );
}

/**
 * A worker signs in on their phone with phone number (or username) and PIN — or password — and the
 * phone stays signed in for DEVICE_SESSION_DAYS (issue 8 §3). Wrong PINs count towards the same
 * lockout as wrong passwords; the route is rate-limited per address like the password login.
 */
export async function deviceLogin(deps: AppDeps, input: { login: string; pin?: string; password?: string }, client: Client): Promise<LoginResult> {
  if (Boolean(input.pin) === Boolean(input.password)) {
    throw fieldError('pin', { 'zh-CN': '请输入 PIN 码（或改用密码登录）', 'en-US': 'Enter your PIN (or sign in with your password)' });
  }
  const secret = (input.pin ?? input.password) as string;
  const user = await authRepo.findUserByLogin(deps.db, input.login);
  const hash = user ? (input.pin ? user.pin_hash : user.password_hash) : null;
  if (!user || !hash) {
    await burnPasswordCheck(secret);
    // An account without a PIN still counts the attempt, so guessing which accounts have one costs tries.
    if (user) await verifyWithLockout(deps, user, async () => false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await verifyWithLockout(deps, user, () => verifyPassword(hash, secret));
  return openDeviceSession(deps, user.id, user.last_enterprise_id, client);
}

/** The personal badge QR names the person; the PIN proves it is them (a photographed badge is no key). */
export async function badgeLogin(deps: AppDeps, input: { token: string; pin: string }, client: Client): Promise<LoginResult> {
  const user = await authRepo.findUserByBadge(deps.db, sessionIdOf(input.token));
  if (!user || !user.pin_hash) {
    await burnPasswordCheck(input.pin);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const pinHash = user.pin_hash;
  await verifyWithLockout(deps, user, () => verifyPassword(pinHash, input.pin));
  return openDeviceSession(deps, user.id, user.last_enterprise_id, client);
}

/** The enterprise's remembered phones (device sessions still valid), newest use first. */
export async function listDeviceSessions(deps: AppDeps, enterpriseId: string): Promise<DeviceSessionDto[]> {
  const rows = await repo.listDeviceSessions(deps.db, enterpriseId, deps.clock.now().toISOString());
  return rows.map((r) => ({
    id: r.public_id as string,
    userId: r.user_id,
    displayName: r.display_name,
    username: r.username,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
  }));
}

/** The safety manager ends a remembered phone's session (lost phone, person left): it must sign in again. */
export async function revokeDeviceSession(deps: AppDeps, actor: { userId: string; enterpriseId: string }, publicId: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const ended = await repo.deleteDeviceSession(trx, actor.enterpriseId, publicId);
    if (!ended) throw notFound('device_session');
    await recordChange(trx, actor, deps.clock.now(), {
      entity: 'device_session',
      entityId: publicId,
      action: 'revoke',
      before: { userId: ended.user_id, createdAt: ended.created_at, userAgent: ended.user_agent },
    });
  });
  // The revoked phone must not be served from the session cache (platform/auth/session-cache.ts).
  invalidateSessions(deps.db);
}
