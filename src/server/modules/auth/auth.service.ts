import type { AppDeps } from '../../app-deps.js';
import { toDbBool } from '../../db/codecs.js';
import type { UserTable } from '../../db/database.js';
import { type Executor, withTransaction } from '../../db/with-transaction.js';
import { isLocale, type Locale } from '../../../i18n/locale.js';
import type { AccountDto, EnterpriseRole, Me } from '../../../schemas/auth.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import { newSessionToken, sessionIdOf } from '../../platform/auth/session-token.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './auth.repository.js';
import { mayStillWorkIn, mayWorkIn, workableMemberships } from './workable-enterprises.service.js';

const minute = 60_000;
/** last_seen_at is written at most this often, so reads do not become writes. */
const touchEveryMs = minute;

export interface LoginResult {
  token: string;
  expiresAt: Date;
}

/** Checks a password or PIN with the account lockout: a locked account is refused even with the right secret. */
export async function verifyWithLockout(deps: AppDeps, user: UserTable, isRight: () => Promise<boolean>): Promise<void> {
  const { db, clock, config } = deps;
  const now = clock.now();
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / minute);
    throw new AppError('ACCOUNT_LOCKED', { minutes });
  }
  if (await isRight()) return;
  const failures = await repo.recordFailedLogin(db, user.id);
  if (failures >= config.lockoutThreshold) {
    const lockedUntil = new Date(now.getTime() + config.lockoutMinutes * minute).toISOString();
    await withTransaction(db, async (trx) => {
      await repo.updateUser(trx, user.id, { locked_until: lockedUntil, failed_logins: 0 });
      await recordChange(trx, { userId: null, enterpriseId: null }, now, {
        entity: 'user',
        entityId: user.id,
        action: 'lock',
        after: { lockedUntil, reason: 'failed_logins' },
      });
    });
    throw new AppError('ACCOUNT_LOCKED', { minutes: config.lockoutMinutes });
  }
  throw new AppError('INVALID_CREDENTIALS');
}

/** Where a login starts: the enterprise used last if still a member there, else the first by name. */
export function startEnterprise(user: Pick<UserTable, 'last_enterprise_id'>, memberships: { enterprise_id: string }[]): string | null {
  const last = user.last_enterprise_id ? memberships.find((m) => m.enterprise_id === user.last_enterprise_id) : undefined;
  return (last ?? memberships[0])?.enterprise_id ?? null;
}

export type SessionKind = 'office' | 'device';

/** Opens a session (office, or a device session for a remembered phone) after the credentials were checked. */
export async function openSession(
  deps: AppDeps,
  trx: Executor,
  input: { userId: string; enterpriseId: string | null; kind: SessionKind; client: { ip: string | null; userAgent: string | null } },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const token = newSessionToken();
  const lifetimeMs =
    input.kind === 'device' ? deps.config.deviceSessionDays * 24 * 60 * minute : deps.config.sessionAbsoluteHours * 60 * minute;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await repo.updateUser(trx, input.userId, { failed_logins: 0, locked_until: null });
  await repo.insertSession(trx, {
    id: sessionIdOf(token),
    user_id: input.userId,
    active_enterprise_id: input.enterpriseId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    ip: input.client.ip,
    user_agent: input.client.userAgent?.slice(0, 300) ?? null,
    kind: input.kind,
    public_id: input.kind === 'device' ? newId() : null,
  });
  return { token, expiresAt };
}

export async function login(
  deps: AppDeps,
  input: { username: string; password: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { db } = deps;
  const user = await repo.findUserByLogin(db, input.username);
  if (!user) {
    await burnPasswordCheck(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await verifyWithLockout(deps, user, () => verifyPassword(user.password_hash, input.password));
  const memberships = await workableMemberships(db, user.id);
  return withTransaction(db, (trx) => openSession(deps, trx, { userId: user.id, enterpriseId: startEnterprise(user, memberships), kind: 'office', client }));
}

export async function logout(deps: AppDeps, sessionId: string): Promise<void> {
  await repo.deleteSession(deps.db, sessionId);
  invalidateSessions(deps.db);
}

/** Resolves a session cookie into an AuthContext, ending it when idle or past its absolute expiry. */
export async function resolveSession(deps: AppDeps, sessionId: string): Promise<AuthContext | null> {
  const { db, clock, config } = deps;
  const row = await repo.findSessionWithUser(db, sessionId);
  if (!row || row.archived_at) return null;
  const now = clock.now().getTime();
  // A device session (a worker's remembered phone) has no idle limit: it lasts until it expires or is revoked.
  const isDevice = row.kind === 'device';
  const idleLimit = isDevice ? Number.POSITIVE_INFINITY : Date.parse(row.last_seen_at) + config.sessionIdleMinutes * minute;
  if (now >= Date.parse(row.expires_at) || now >= idleLimit) {
    await repo.deleteSession(db, sessionId);
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > touchEveryMs) await repo.touchSession(db, sessionId, new Date(now).toISOString());
  // A regulator's enterprise that left its jurisdiction, a consultant's whose engagement ended: the
  // session keeps no enterprise (every tenant request answers ENTERPRISE_ACCESS_ENDED) until it switches.
  const hasLost = row.role !== null && row.active_enterprise_id !== null && !(await mayStillWorkIn(db, row.user_id, row.active_enterprise_id, row.role));
  const role = hasLost ? null : row.role;
  return {
    sessionId,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    locale: isLocale(row.locale) ? row.locale : null,
    enterpriseId: role ? row.active_enterprise_id : null,
    role: (role as EnterpriseRole | null) ?? null,
    personId: role ? row.person_id : null,
    lostEnterpriseId: hasLost ? row.active_enterprise_id : null,
    sessionKind: isDevice ? 'device' : 'office',
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function getMe(deps: AppDeps, auth: AuthContext): Promise<Me> {
  const memberships = await workableMemberships(deps.db, auth.userId);
  const held = auth.enterpriseId
    ? await repo.findPersonAndPostsOfMember(deps.db, auth.userId, auth.enterpriseId)
    : { personId: null, postIds: [] };
  return {
    user: {
      id: auth.userId,
      username: auth.username,
      displayName: auth.displayName,
      isAdmin: auth.isAdmin,
      locale: auth.locale,
      mustChangePassword: auth.mustChangePassword ?? false,
    },
    sessionKind: auth.sessionKind ?? 'office',
    memberships: memberships.map((m) => ({
      enterpriseId: m.enterprise_id,
      enterpriseName: m.enterprise_name,
      role: m.role as EnterpriseRole,
    })),
    activeEnterpriseId: auth.enterpriseId,
    hasLostEnterprise: Boolean(auth.lostEnterpriseId),
    role: auth.role,
    personId: held.personId,
    postIds: held.postIds,
  };
}

export async function updateMe(deps: AppDeps, auth: AuthContext, input: { displayName?: string; locale?: Locale }): Promise<void> {
  const patch: { display_name?: string; locale?: string } = {};
  if (input.displayName !== undefined) patch.display_name = input.displayName;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (Object.keys(patch).length === 0) return;
  await withTransaction(deps.db, async (trx) => {
    await repo.updateUser(trx, auth.userId, patch);
    await recordChange(trx, { userId: auth.userId, enterpriseId: auth.enterpriseId }, deps.clock.now(), {
      entity: 'user',
      entityId: auth.userId,
      action: 'update_profile',
      before: { displayName: auth.displayName, locale: auth.locale },
      after: input,
    });
  });
  invalidateSessions(deps.db);
}

export async function changePassword(
  deps: AppDeps,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(deps.db, auth.userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    await repo.updateUser(trx, auth.userId, { password_hash: passwordHash, password_changed_at: now.toISOString(), must_change_password: 0 });
    // Other devices signed in with the old password are signed out.
    await repo.deleteOtherSessions(trx, auth.userId, auth.sessionId);
    await recordChange(trx, { userId: auth.userId, enterpriseId: auth.enterpriseId }, now, {
      entity: 'user',
      entityId: auth.userId,
      action: 'change_password',
    });
  });
  invalidateSessions(deps.db);
}

export async function switchEnterprise(deps: AppDeps, auth: AuthContext, enterpriseId: string): Promise<void> {
  // Not a member, or outside the regulator's county / the consultant's engagements: the enterprise is not shown to exist.
  if (!(await mayWorkIn(deps.db, auth.userId, enterpriseId))) throw notFound('enterprise');
  await repo.setSessionEnterprise(deps.db, auth.sessionId, enterpriseId);
  invalidateSessions(deps.db);
  // The next login starts here (issue 8 §9: not in the alphabetically first enterprise).
  await repo.setLastEnterprise(deps.db, auth.userId, enterpriseId);
}

export interface NewUser {
  username: string;
  displayName: string;
  phone?: string | null;
  password: string;
  isAdmin?: boolean;
  /** A one-time password handed out by someone else: the first login must change it. */
  mustChangePassword?: boolean;
}

/** Creates a user (or finds the existing one by username) — used by the seed, admin and accounts. */
export async function createUser(deps: AppDeps, trx: Parameters<typeof repo.insertUser>[0], input: NewUser): Promise<string> {
  const existing = await repo.findUserByUsername(trx, input.username);
  if (existing) throw new AppError('CONFLICT', { detail: input.username }, [{ path: 'username', message: { 'zh-CN': '用户名已被使用', 'en-US': 'Username is taken' } }]);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await repo.insertUser(trx, {
    id,
    username: input.username,
    phone: input.phone ?? null,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    is_admin: toDbBool(input.isAdmin ?? false),
    locale: null,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: now,
    created_at: now,
    archived_at: null,
    must_change_password: toDbBool(input.mustChangePassword ?? false),
  });
  return id;
}

/** Inserts a user whose password was already hashed (outside the transaction: argon2 is slow). */
export async function createUserWithHash(
  deps: AppDeps,
  trx: Executor,
  input: { id?: string; username: string; displayName: string; phone: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<string> {
  const id = input.id ?? newId();
  const now = deps.clock.now().toISOString();
  await repo.insertUser(trx, {
    id,
    username: input.username,
    phone: input.phone,
    display_name: input.displayName,
    password_hash: input.passwordHash,
    is_admin: 0,
    locale: null,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: now,
    created_at: now,
    archived_at: null,
    must_change_password: toDbBool(input.mustChangePassword),
  });
  return id;
}

export async function addMembership(
  deps: AppDeps,
  trx: Parameters<typeof repo.insertMembership>[0],
  input: { userId: string; enterpriseId: string; role: EnterpriseRole; personId?: string | null },
): Promise<void> {
  const existing = await repo.findMembership(trx, input.userId, input.enterpriseId);
  if (existing) throw new AppError('CONFLICT', { detail: 'membership' });
  await repo.insertMembership(trx, {
    id: newId(),
    user_id: input.userId,
    enterprise_id: input.enterpriseId,
    role: input.role,
    person_id: input.personId ?? null,
    created_at: deps.clock.now().toISOString(),
  });
  // Inside the caller's transaction: a session read before the commit is bounded by the cache TTL.
  invalidateSessions(deps.db);
}

export async function listAccounts(deps: AppDeps, enterpriseId: string): Promise<AccountDto[]> {
  const rows = await repo.listAccountsOfEnterprise(deps.db, enterpriseId);
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as EnterpriseRole,
    personId: r.person_id,
    phone: r.phone,
    hasPin: Boolean(r.pin_hash),
  }));
}

export async function createAccount(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  input: { username: string; displayName: string; phone?: string; password: string; role: EnterpriseRole; personId?: string },
  personExists: (trx: Parameters<typeof repo.insertUser>[0], personId: string) => Promise<boolean>,
): Promise<AccountDto> {
  return withTransaction(deps.db, async (trx) => {
    if (input.personId && !(await personExists(trx, input.personId))) {
      throw fieldError('personId', { 'zh-CN': '人员不存在', 'en-US': 'No such person' });
    }
    const userId = await createUser(deps, trx, input);
    await addMembership(deps, trx, { userId, enterpriseId: actor.enterpriseId, role: input.role, personId: input.personId ?? null });
    const dto: AccountDto = {
      userId,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      personId: input.personId ?? null,
      phone: input.phone ?? null,
      hasPin: false,
    };
    await recordChange(trx, actor, deps.clock.now(), { entity: 'membership', entityId: userId, action: 'create', after: dto });
    return dto;
  });
}

/** The caller's person record and posts in an enterprise (for "mine" filters of other features). */
export function findPersonAndPostsOfMember(deps: Pick<AppDeps, 'db'>, userId: string, enterpriseId: string) {
  return repo.findPersonAndPostsOfMember(deps.db, userId, enterpriseId);
}
