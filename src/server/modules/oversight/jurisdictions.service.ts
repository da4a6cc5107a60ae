/* Issue 17 item 2: who supervises where. The administrator lists every regulator's jurisdiction,
 * creates regulator logins for any county (or a town of it) and defines any county's towns; a county
 * regulator creates its own towns' users. A town user manages nothing here (403). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { findCounty, regionLabel } from '../../../domain/enterprise/region.js';
import type { JurisdictionItemDto, RegulatorAccountInput, TownDto } from '../../../schemas/oversight-county.js';
import { AppError } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import { createUser } from '../auth/auth.service.js';
import * as repo from './county.repository.js';
import { countyScopeOf, createTown, listTowns } from './county.service.js';

export interface Caller {
  userId: string;
  isAdmin: boolean;
}

const badCounty = () => fieldError('countyCode', { 'zh-CN': '请从列表中选择所在的省、市、县', 'en-US': 'Choose the province, city and county from the list' });
const badTown = () => fieldError('townCode', { 'zh-CN': '请从本县的乡镇（街道）中选择', 'en-US': "Choose one of the county's towns" });

/** The administrator: every jurisdiction; a county regulator: those of its county (its towns' users). */
export async function listJurisdictions(deps: AppDeps, caller: Caller): Promise<{ items: JurisdictionItemDto[] }> {
  const countyCode = caller.isAdmin ? null : (await countyScopeOf(deps.db, caller.userId)).countyCode;
  const rows = await repo.listJurisdictions(deps.db, countyCode);
  return {
    items: rows.map((r) => ({
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      countyCode: r.county_code,
      countyName: regionLabel(r.county_code) ?? r.county_code,
      townCode: r.town_code,
      townName: r.town_name ?? null,
    })),
  };
}

/** A new regulator login (one-time password, changed at its first login) with its jurisdiction. */
export async function createRegulatorAccount(deps: AppDeps, caller: Caller, input: RegulatorAccountInput): Promise<JurisdictionItemDto> {
  let countyCode: string;
  if (caller.isAdmin) {
    if (!input.countyCode || !findCounty(input.countyCode)) throw badCounty();
    countyCode = input.countyCode;
  } else {
    countyCode = (await countyScopeOf(deps.db, caller.userId)).countyCode;
    if (input.countyCode && input.countyCode !== countyCode) throw badCounty();
    // A county creates the users of its towns; county-level logins are the administrator's.
    if (!input.townCode) throw fieldError('townCode', { 'zh-CN': '请选择该账号负责的乡镇（街道）', 'en-US': 'Choose the town this login supervises' });
  }
  const town = input.townCode ? await repo.findTown(deps.db, input.townCode) : null;
  if (input.townCode && (!town || town.county_code !== countyCode)) throw badTown();
  const userId = await withTransaction(deps.db, async (trx) => {
    const id = await createUser(deps, trx, { username: input.username, displayName: input.displayName, password: input.password, mustChangePassword: true });
    const now = deps.clock.now();
    await repo.upsertJurisdiction(trx, { user_id: id, county_code: countyCode, town_code: input.townCode, created_at: now.toISOString() });
    // The password is never written to the audit log.
    await recordChange(trx, { userId: caller.userId, enterpriseId: null }, now, { entity: 'oversight_jurisdiction', entityId: id, action: 'create_login', after: { username: input.username, displayName: input.displayName, countyCode, townCode: input.townCode } });
    return id;
  });
  return { userId, username: input.username, displayName: input.displayName, countyCode, countyName: regionLabel(countyCode) ?? countyCode, townCode: input.townCode, townName: town?.name ?? null };
}

/** Towns of a county: the administrator names the county; a regulator gets its own (a town user: its town). */
export async function listTownsFor(deps: AppDeps, caller: Caller, countyCode: string | undefined): Promise<{ items: TownDto[] }> {
  if (!caller.isAdmin) return listTowns(deps, caller.userId);
  if (!countyCode || !findCounty(countyCode)) throw badCounty();
  return { items: await repo.listTowns(deps.db, countyCode) };
}

/** A town under a county: the administrator for any county (the code's first six digits), a county regulator for its own. */
export async function createTownFor(deps: AppDeps, caller: Caller, input: { code: string; name: string }): Promise<TownDto> {
  if (!caller.isAdmin) return createTown(deps, caller.userId, input);
  const countyCode = input.code.slice(0, 6);
  if (!findCounty(countyCode)) throw fieldError('code', { 'zh-CN': '乡镇代码的前 6 位须是一个县（区）的代码', 'en-US': "A town code's first six digits are a county's code" });
  return withTransaction(deps.db, async (trx) => {
    const now = deps.clock.now();
    if (!(await repo.insertTownOnce(trx, { code: input.code, county_code: countyCode, name: input.name, created_at: now.toISOString() }))) throw new AppError('CONFLICT', { detail: 'code' });
    await recordChange(trx, { userId: caller.userId, enterpriseId: null }, now, { entity: 'oversight_town', entityId: input.code, action: 'create', after: input });
    return { code: input.code, name: input.name };
  });
}
