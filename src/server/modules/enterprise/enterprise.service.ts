import type { AppDeps } from '../../app-deps.js';
import type { EnterpriseTable } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { isValidCreditCode } from '../../../domain/enterprise/credit-code.js';
import { sizeClass } from '../../../domain/enterprise/size-class.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { EnterpriseDto, EnterpriseInput } from '../../../schemas/org.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { addMembership } from '../auth/auth.service.js';
import { findUserByUsername } from '../auth/auth.repository.js';
import * as repo from './enterprise.repository.js';

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

export async function listEnterprises(deps: AppDeps, auth: AuthContext): Promise<EnterpriseDto[]> {
  const rows = auth.isAdmin ? await repo.listAllEnterprises(deps.db) : await repo.listEnterprisesOfUser(deps.db, auth.userId);
  return rows.map(toEnterpriseDto);
}

export async function getEnterprise(deps: AppDeps, id: string): Promise<EnterpriseDto> {
  const row = await repo.findEnterprise(deps.db, id);
  if (!row) throw notFound('enterprise');
  return toEnterpriseDto(row);
}

/** Creates an enterprise; a consultant who creates one becomes its consultant. */
export async function createEnterprise(
  deps: AppDeps,
  auth: AuthContext,
  input: EnterpriseInput,
  trxIn?: Executor,
): Promise<EnterpriseDto> {
  const isConsultant = auth.isAdmin ? false : await repo.userHasRoleAnywhere(deps.db, auth.userId, 'consultant');
  if (!auth.isAdmin && !isConsultant) throw new AppError('FORBIDDEN');
  if (!isValidCreditCode(input.creditCode)) throw badCreditCode();
  const work = async (trx: Executor) => {
    if (await repo.findEnterpriseByCreditCode(trx, input.creditCode)) {
      throw new AppError('CONFLICT', { detail: input.creditCode }, [
        { path: 'creditCode', message: { 'zh-CN': '该信用代码的企业已存在', 'en-US': 'An enterprise with this code exists' } },
      ]);
    }
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
    await repo.insertEnterprise(trx, row);
    if (isConsultant) await addMembership(deps, trx, { userId: auth.userId, enterpriseId: row.id, role: 'consultant' });
    const dto = toEnterpriseDto(row);
    await recordChange(trx, { userId: auth.userId, enterpriseId: row.id }, deps.clock.now(), {
      entity: 'enterprise',
      entityId: row.id,
      action: 'create',
      after: dto,
    });
    return dto;
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}

export async function updateEnterprise(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  input: Partial<Omit<EnterpriseInput, 'creditCode'>>,
): Promise<EnterpriseDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.findEnterprise(trx, actor.enterpriseId);
    if (!before) throw notFound('enterprise');
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
