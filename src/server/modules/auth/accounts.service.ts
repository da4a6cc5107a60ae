import type { AppDeps } from '../../app-deps.js';
import { toDbBool } from '../../db/codecs.js';
import { type Executor, withTransaction } from '../../db/with-transaction.js';
import type {
  BadgeDto,
  BulkAccountsInput,
  BulkAccountsResult,
  InvitationInfo,
  IssuedCredential,
} from '../../../schemas/accounts.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { newOneTimePassword, newUsername } from '../../platform/auth/secrets.js';
import { newSessionToken, sessionIdOf } from '../../platform/auth/session-token.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { listPeopleForAccounts } from '../org/people.service.js';
import { addMembership, createUserWithHash, type LoginResult, openSession } from './auth.service.js';
import * as repo from './accounts.repository.js';
import { findUserById } from './auth.repository.js';

const day = 24 * 60 * 60_000;
/** Office roles also get a password for the computer; workers and team leaders only a PIN. */
const passwordRoles: readonly EnterpriseRole[] = ['principal', 'safety_manager', 'dept_head', 'consultant', 'regulator'];

export const invitationPath = (token: string) => `/m/invite/${token}`;
export const badgePath = (token: string) => `/m/badge/${token}`;

type Actor = { userId: string; enterpriseId: string };

async function issueInvitation(deps: AppDeps, trx: Executor, actor: Actor, userId: string): Promise<{ path: string; expiresAt: string }> {
  const now = deps.clock.now();
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + deps.config.invitationDays * day).toISOString();
  await repo.expireOpenInvitations(trx, userId, actor.enterpriseId, now.toISOString());
  await repo.insertInvitation(trx, {
    id: newId(),
    token_hash: sessionIdOf(token),
    enterprise_id: actor.enterpriseId,
    user_id: userId,
    created_by: actor.userId,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  await recordChange(trx, actor, now, { entity: 'invitation', entityId: userId, action: 'issue', after: { expiresAt } });
  return { path: invitationPath(token), expiresAt };
}

/**
 * Creates logins for people of the enterprise at once (issue 8 §2): one per person without a login
 * here, username = the person's mobile number when it is free, else a generated one; either a one-time
 * password (changed at first login) or an invitation link/QR that sets a PIN on the person's phone.
 * All or nothing; people who already have a login are listed as skipped.
 */
export async function createAccountsForPeople(deps: AppDeps, actor: Actor, input: BulkAccountsInput): Promise<BulkAccountsResult> {
  const personIds = [...new Set(input.personIds)];
  const people = await listPeopleForAccounts(deps.db, actor.enterpriseId, personIds);
  const found = new Set(people.map((p) => p.id));
  const missing = input.personIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw fieldError(`personIds.${missing}`, { 'zh-CN': '人员不存在或已归档', 'en-US': 'No such person, or archived' });

  const existing = new Set((await repo.listMembershipsWithPerson(deps.db, actor.enterpriseId, personIds)).map((m) => m.person_id));
  const skipped = people.filter((p) => existing.has(p.id)).map((p) => ({ personId: p.id, displayName: p.name, reason: 'has_login' as const }));
  const todo = people.filter((p) => !existing.has(p.id));

  const phones = todo.map((p) => p.phone).filter((p): p is string => Boolean(p));
  const takenPhones = await repo.phonesTaken(deps.db, phones);
  const clash = todo.find((p) => p.phone && takenPhones.has(p.phone));
  if (clash) {
    throw new AppError('CONFLICT', { detail: `${clash.name} ${clash.phone}` }, [
      {
        path: `personIds.${input.personIds.indexOf(clash.id)}`,
        message: {
          'zh-CN': `${clash.name} 的手机号 ${clash.phone} 已用于另一个账号，请先更正其手机号`,
          'en-US': `${clash.name}'s mobile number ${clash.phone} belongs to another login; correct it first`,
        },
      },
    ]);
  }
  const takenNames = await repo.usernamesTaken(deps.db, phones);
  const planned = new Set<string>();
  const plans = await Promise.all(
    todo.map(async (person) => {
      let username = person.phone && !takenNames.has(person.phone) ? person.phone : newUsername();
      while (planned.has(username)) username = newUsername();
      planned.add(username);
      const oneTimePassword = input.method === 'password' ? newOneTimePassword() : undefined;
      // An invited person has no usable password until they choose one: a random, never-shown secret.
      const passwordHash = await hashPassword(oneTimePassword ?? newSessionToken());
      return { person, username, oneTimePassword, passwordHash };
    }),
  );

  // A login created at the same moment for the same person, name or phone meets a unique key: 409 from the error handler.
  const created = await withTransaction(deps.db, async (trx) => {
    const out: IssuedCredential[] = [];
    for (const plan of plans) {
      const userId = await createUserWithHash(deps, trx, {
        username: plan.username,
        displayName: plan.person.name,
        phone: plan.person.phone,
        passwordHash: plan.passwordHash,
        mustChangePassword: input.method === 'password',
      });
      await addMembership(deps, trx, { userId, enterpriseId: actor.enterpriseId, role: input.role, personId: plan.person.id });
      await recordChange(trx, actor, deps.clock.now(), {
        entity: 'membership',
        entityId: userId,
        action: 'create',
        after: { username: plan.username, displayName: plan.person.name, role: input.role, personId: plan.person.id, method: input.method },
      });
      const credential: IssuedCredential = { personId: plan.person.id, userId, displayName: plan.person.name, username: plan.username };
      if (plan.oneTimePassword) credential.oneTimePassword = plan.oneTimePassword;
      else {
        const invitation = await issueInvitation(deps, trx, actor, userId);
        credential.invitationPath = invitation.path;
        credential.invitationExpiresAt = invitation.expiresAt;
      }
      out.push(credential);
    }
    return out;
  });
  return { created, skipped };
}

/** A new invitation link for a login of the enterprise (first time, or a forgotten PIN); older links stop working. */
export async function reinvite(deps: AppDeps, actor: Actor, userId: string): Promise<IssuedCredential> {
  return withTransaction(deps.db, async (trx) => {
    const [member] = await repo.listMembersByUserIds(trx, actor.enterpriseId, [userId]);
    if (!member) throw notFound('account');
    const invitation = await issueInvitation(deps, trx, actor, userId);
    return {
      personId: null,
      userId,
      displayName: member.display_name,
      username: member.username,
      invitationPath: invitation.path,
      invitationExpiresAt: invitation.expiresAt,
    };
  });
}

async function openInvitation(deps: AppDeps, token: string) {
  const row = await repo.findOpenInvitation(deps.db, sessionIdOf(token), deps.clock.now().toISOString());
  if (!row) throw new AppError('INVITATION_INVALID');
  return row;
}

export async function getInvitation(deps: AppDeps, token: string): Promise<InvitationInfo> {
  const row = await openInvitation(deps, token);
  return {
    enterpriseName: row.enterprise_name,
    displayName: row.display_name,
    username: row.username,
    phone: row.phone,
    role: row.role as EnterpriseRole,
    expiresAt: row.expires_at,
    isPasswordAsked: passwordRoles.includes(row.role as EnterpriseRole),
  };
}

/** The person opens the link on their phone, chooses a PIN (and a password for office roles) and stays signed in there. */
export async function acceptInvitation(
  deps: AppDeps,
  token: string,
  input: { pin: string; password?: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const row = await openInvitation(deps, token);
  const isPasswordAsked = passwordRoles.includes(row.role as EnterpriseRole);
  if (isPasswordAsked && !input.password) {
    throw fieldError('password', { 'zh-CN': '请设置登录电脑用的密码（至少 8 位）', 'en-US': 'Choose a password for the computer (at least 8 characters)' });
  }
  const pinHash = await hashPassword(input.pin);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now().toISOString();
    if (!(await repo.markInvitationUsed(trx, row.id, now))) throw new AppError('INVITATION_INVALID');
    await repo.setUserSecrets(trx, row.user_id, {
      pin_hash: pinHash,
      ...(passwordHash && { password_hash: passwordHash, password_changed_at: now, must_change_password: toDbBool(false) }),
    });
    await recordChange(trx, { userId: row.user_id, enterpriseId: row.enterprise_id }, deps.clock.now(), {
      entity: 'invitation',
      entityId: row.user_id,
      action: 'accept',
      after: { isPinSet: true, isPasswordSet: Boolean(passwordHash) },
    });
    return openSession(deps, trx, { userId: row.user_id, enterpriseId: row.enterprise_id, kind: 'device', client });
  });
}

/** New personal badge QR codes for logins of the enterprise (a new print replaces the old badges). */
export async function issueBadges(deps: AppDeps, actor: Actor, userIds: readonly string[]): Promise<BadgeDto[]> {
  const unique = [...new Set(userIds)];
  return withTransaction(deps.db, async (trx) => {
    const members = await repo.listMembersByUserIds(trx, actor.enterpriseId, unique);
    const byId = new Map(members.map((m) => [m.user_id, m]));
    const missing = userIds.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw fieldError(`userIds.${missing}`, { 'zh-CN': '该账号不属于本企业', 'en-US': 'No such login in this enterprise' });
    const out: BadgeDto[] = [];
    for (const id of unique) {
      const member = byId.get(id)!;
      const token = newSessionToken();
      await repo.setUserSecrets(trx, id, { badge_token_hash: sessionIdOf(token) });
      await recordChange(trx, actor, deps.clock.now(), { entity: 'user', entityId: id, action: 'issue_badge' });
      out.push({ userId: id, displayName: member.display_name, username: member.username, badgePath: badgePath(token) });
    }
    return out;
  });
}

export async function hasPin(deps: AppDeps, userId: string): Promise<boolean> {
  return Boolean((await findUserById(deps.db, userId))?.pin_hash);
}
