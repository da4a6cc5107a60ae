import type { AppDeps } from '../../app-deps.js';
import type { EnterpriseTable } from '../../db/database.js';
import { fromDbCount } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { isValidCreditCode } from '../../../domain/enterprise/credit-code.js';
import { sizeClass } from '../../../domain/enterprise/size-class.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { EnterpriseDto, EnterpriseInput } from '../../../schemas/org.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeTextCursor, encodeTextCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { addMembership, createUserWithHash } from '../auth/auth.service.js';
import { findUserByPhone, findUserByUsername } from '../auth/auth.repository.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { invalidateSessions } from '../../platform/auth/session-cache.js';
import { findCounty } from '../../../domain/enterprise/region.js';
import type { EnterpriseMemberDto, FirstLoginInput } from '../../../schemas/accounts.js';
import * as repo from './enterprise.repository.js';
import { engageRegisteredEnterprise } from '../consultancy/engagement.service.js';

export function toEnterpriseDto(row: EnterpriseTable): EnterpriseDto {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    industry: row.industry as EnterpriseDto['industry'],
    regionCode: row.region_code,
    address: row.address,
    headcount: Number(row.headcount),
    revenueCny: Number(row.revenue_cny),
    sizeClass: row.size_class as EnterpriseDto['sizeClass'],
    principalName: row.principal_name,
    principalPhone: row.principal_phone,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
  };
}

const badCreditCode = () =>
  fieldError('creditCode', {
    'zh-CN': '统一社会信用代码无效（校验位不符合 GB 32100）',
    'en-US': 'Invalid unified social credit code (check character fails GB 32100)',
  });

const unknownRegion = () =>
  fieldError('regionCode', { 'zh-CN': '请从列表中选择所在的省、市、县', 'en-US': 'Choose the province, city and county from the list' });

/** The administrator's enterprises page by name (keyset); anyone else's are their memberships, one page. */
export async function listEnterprises(deps: AppDeps, auth: AuthContext, query: { cursor?: string; limit: number }): Promise<{ items: EnterpriseDto[]; nextCursor: string | null }> {
  if (!auth.isAdmin) return { items: (await repo.listEnterprisesOfUser(deps.db, auth.userId)).map(toEnterpriseDto), nextCursor: null };
  const rows = await repo.listAllEnterprises(deps.db, { after: decodeTextCursor(query.cursor), limit: query.limit + 1 });
  return toPage(rows, query.limit, (r) => ({ at: r.name, id: r.id }), toEnterpriseDto, encodeTextCursor);
}

export async function getEnterprise(deps: AppDeps, id: string): Promise<EnterpriseDto> {
  const row = await repo.findEnterprise(deps.db, id);
  if (!row) throw notFound('enterprise');
  return toEnterpriseDto(row);
}

const duplicateName = (name: string) =>
  new AppError('CONFLICT', { detail: name }, [
    {
      path: 'name',
      message: { 'zh-CN': `已有同名企业“${name}”，请核对是否重复登记，或在名称中加以区分`, 'en-US': `An enterprise named "${name}" is already registered; check it is not the same one, or tell them apart in the name` },
    },
  ]);

/**
 * Inserts an enterprise with its audit row, inside the caller's transaction: the credit code must be
 * valid (GB 32100) and unused, the name unused (issue 8 §9: duplicates are no longer accepted silently).
 */
export async function insertEnterpriseRecord(deps: AppDeps, trx: Executor, actorUserId: string, input: EnterpriseInput): Promise<EnterpriseDto> {
  if (!isValidCreditCode(input.creditCode)) throw badCreditCode();
  if (!findCounty(input.regionCode)) throw unknownRegion();
  if (await repo.findEnterpriseByCreditCode(trx, input.creditCode)) {
    throw new AppError('CONFLICT', { detail: input.creditCode }, [
      { path: 'creditCode', message: { 'zh-CN': '该信用代码的企业已存在', 'en-US': 'An enterprise with this code exists' } },
    ]);
  }
  if (await repo.findEnterpriseByName(trx, input.name)) throw duplicateName(input.name);
  const now = deps.clock.now().toISOString();
  const row: EnterpriseTable = {
    id: newId(),
    name: input.name,
    credit_code: input.creditCode,
    industry: input.industry,
    region_code: input.regionCode,
    address: input.address,
    headcount: input.headcount,
    revenue_cny: input.revenueCny,
    size_class: sizeClass({ headcount: input.headcount, revenueCny: input.revenueCny }),
    principal_name: input.principalName,
    principal_phone: input.principalPhone ?? null,
    time_zone: input.timeZone,
    created_at: now,
    updated_at: now,
    archived_at: null,
  };
  // A concurrent registration of the same code meets the unique key: the error handler answers 409 naming creditCode.
  await repo.insertEnterprise(trx, row);
  const dto = toEnterpriseDto(row);
  await recordChange(trx, { userId: actorUserId, enterpriseId: row.id }, deps.clock.now(), { entity: 'enterprise', entityId: row.id, action: 'create', after: dto });
  return dto;
}

/**
 * Creates an enterprise (administrator or consultant); a consultant who creates one becomes its
 * consultant. `firstLogin` creates the enterprise's own first login (principal or safety manager)
 * in the same transaction (issue 8 §1: whoever registers an enterprise creates its first logins).
 */
export async function createEnterprise(
  deps: AppDeps,
  auth: AuthContext,
  input: EnterpriseInput,
  options: { firstLogin?: FirstLoginInput } = {},
): Promise<EnterpriseDto> {
  const isConsultant = auth.isAdmin ? false : await repo.userHasRoleAnywhere(deps.db, auth.userId, 'consultant');
  if (!auth.isAdmin && !isConsultant) throw new AppError('FORBIDDEN');
  if (!isValidCreditCode(input.creditCode)) throw badCreditCode();
  const first = options.firstLogin;
  // argon2 is slow: hash before the transaction opens.
  const firstHash = first ? await hashPassword(first.password) : null;
  return withTransaction(deps.db, async (trx) => {
    const dto = await insertEnterpriseRecord(deps, trx, auth.userId, input);
    if (isConsultant) {
      await addMembership(deps, trx, { userId: auth.userId, enterpriseId: dto.id, role: 'consultant' });
      await engageRegisteredEnterprise(deps, trx, auth.userId, dto.id);
    }
    if (first && firstHash) {
      await createFirstLogin(deps, trx, { userId: auth.userId, enterpriseId: dto.id }, first, firstHash, { mustChangePassword: true });
    }
    return dto;
  });
}

/** The enterprise's first login; `userId` of the actor is who created it (itself in the first-run set-up). */
export async function createFirstLogin(
  deps: AppDeps,
  trx: Executor,
  actor: { userId: string | null; enterpriseId: string },
  first: FirstLoginInput,
  passwordHash: string,
  options: { mustChangePassword: boolean; userId?: string },
): Promise<string> {
  if (await findUserByUsername(trx, first.username)) {
    throw new AppError('CONFLICT', { detail: first.username }, [
      { path: 'firstLogin.username', message: { 'zh-CN': '用户名已被使用', 'en-US': 'Username is taken' } },
    ]);
  }
  if (first.phone && (await findUserByPhone(trx, first.phone))) {
    throw new AppError('CONFLICT', { detail: first.phone }, [
      { path: 'firstLogin.phone', message: { 'zh-CN': '该手机号已用于另一个账号', 'en-US': 'This mobile number belongs to another login' } },
    ]);
  }
  const userId = await createUserWithHash(deps, trx, {
    id: options.userId,
    username: first.username,
    displayName: first.displayName,
    phone: first.phone ?? null,
    passwordHash,
    mustChangePassword: options.mustChangePassword,
  });
  await addMembership(deps, trx, { userId, enterpriseId: actor.enterpriseId, role: first.role });
  await recordChange(trx, { userId: actor.userId ?? userId, enterpriseId: actor.enterpriseId }, deps.clock.now(), {
    entity: 'membership',
    entityId: userId,
    action: 'create',
    after: { username: first.username, displayName: first.displayName, role: first.role },
  });
  return userId;
}

export async function updateEnterprise(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  input: Partial<Omit<EnterpriseInput, 'creditCode'>>,
): Promise<EnterpriseDto> {
  let regionBefore: string | null = null;
  const updated = await withTransaction(deps.db, async (trx) => {
    const before = await repo.findEnterprise(trx, actor.enterpriseId);
    regionBefore = before?.region_code ?? null;
    if (!before) throw notFound('enterprise');
    if (input.name !== undefined && (await repo.findEnterpriseByName(trx, input.name, actor.enterpriseId))) throw duplicateName(input.name);
    if (input.regionCode !== undefined && !findCounty(input.regionCode)) throw unknownRegion();
    const headcount = input.headcount ?? Number(before.headcount);
    const revenueCny = input.revenueCny ?? Number(before.revenue_cny);
    const patch: Partial<EnterpriseTable> = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.industry !== undefined && { industry: input.industry }),
      ...(input.regionCode !== undefined && { region_code: input.regionCode }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.principalName !== undefined && { principal_name: input.principalName }),
      ...(input.principalPhone !== undefined && { principal_phone: input.principalPhone }),
      ...(input.timeZone !== undefined && { time_zone: input.timeZone }),
      headcount,
      revenue_cny: revenueCny,
      size_class: sizeClass({ headcount, revenueCny }),
      updated_at: deps.clock.now().toISOString(),
    };
    await repo.updateEnterprise(trx, actor.enterpriseId, patch);
    const after = toEnterpriseDto({ ...before, ...patch });
    await recordChange(trx, actor, deps.clock.now(), {
      entity: 'enterprise',
      entityId: actor.enterpriseId,
      action: 'update',
      before: toEnterpriseDto(before),
      after,
    });
    return after;
  });
  // Another county: regulators' sessions in the enterprise are re-checked (workable-enterprises.service.ts).
  if (updated.regionCode !== regionBefore) invalidateSessions(deps.db);
  return updated;
}

/** The administrator links a user (typically a consultant or regulator) to an enterprise. */
export async function linkMember(
  deps: AppDeps,
  auth: AuthContext,
  enterpriseId: string,
  input: { username: string; role: EnterpriseRole },
): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.findEnterprise(trx, enterpriseId))) throw notFound('enterprise');
    const user = await findUserByUsername(trx, input.username);
    if (!user) throw fieldError('username', { 'zh-CN': '用户不存在', 'en-US': 'No such user' });
    await addMembership(deps, trx, { userId: user.id, enterpriseId, role: input.role });
    await recordChange(trx, { userId: auth.userId, enterpriseId }, deps.clock.now(), {
      entity: 'membership',
      entityId: user.id,
      action: 'link',
      after: input,
    });
  });
}

/** Who is linked to an enterprise (the administrator's page for consultants and regulators). */
export async function listMembers(deps: AppDeps, enterpriseId: string): Promise<EnterpriseMemberDto[]> {
  if (!(await repo.findEnterprise(deps.db, enterpriseId))) throw notFound('enterprise');
  const rows = await repo.listMembersOfEnterprise(deps.db, enterpriseId);
  return rows.map((r) => ({ userId: r.user_id, username: r.username, displayName: r.display_name, role: r.role as EnterpriseMemberDto['role'] }));
}

/** True while the installation has no enterprise at all (the first-run set-up may still run). */
export async function hasAnyEnterprise(deps: AppDeps, trx: Executor = deps.db): Promise<boolean> {
  const row = await repo.countEnterprises(trx);
  return fromDbCount(row?.n) > 0;
}
