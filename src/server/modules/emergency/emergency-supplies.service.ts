/* 应急物资 (seed 003 重点4 "合理储备应急物资") and the contacts of the call tree, as generic enterprise
 * resources (platform/resource). A supply with a check period and a post gets a check item on that
 * post's inspection list, through the inspections feature: the check then runs on the phone like
 * any task, and a FAIL raises a hazard there. Expired or short supplies raise a hazard by
 * themselves (daily job and on demand), through the hazards feature's intake service. */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool, toDbBool } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { localDateOf, supplyState } from '../../../domain/emergency/supply-state.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  type ContactDto,
  contactCreateSchema,
  contactListQuerySchema,
  contactSchema,
  contactUpdateSchema,
  type SupplyDto,
  supplyCreateSchema,
  supplyListQuerySchema,
  supplySchema,
  supplyUpdateSchema,
} from '../../../schemas/emergency.js';
import type { Period } from '../../../domain/inspection/period-window.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { fieldError } from '../../platform/http/validation.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import type { Row } from '../../platform/resource/tenant-resource.repository.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import { archiveItem, createExtraItem, getItem } from '../inspections/inspection-lists.service.js';
import * as repo from './emergency.repository.js';

const stamps = (r: Row) => ({ createdAt: r.created_at, updatedAt: r.updated_at as string, archivedAt: r.archived_at });

type SupplyCreate = z.infer<typeof supplyCreateSchema>;
type SupplyUpdate = z.infer<typeof supplyUpdateSchema>;

function toSupplyDto(r: Row, today: string): SupplyDto {
  const state = supplyState({ quantity: r.quantity as number, minQuantity: r.min_quantity as number, expiresOn: r.expires_on as string | null }, today);
  return {
    id: r.id,
    name: r.name as string,
    quantity: r.quantity as number,
    minQuantity: r.min_quantity as number,
    unit: r.unit as string,
    areaId: r.area_id as string | null,
    location: r.location as string,
    responsiblePersonId: r.responsible_person_id as string | null,
    expiresOn: r.expires_on as string | null,
    checkPeriod: r.check_period as SupplyDto['checkPeriod'],
    checkPostId: r.check_post_id as string | null,
    inspectionItemId: r.inspection_item_id as string | null,
    ...state,
    ...stamps(r),
  };
}

async function todayOf(db: Executor, enterpriseId: string, at: Date): Promise<string> {
  return localDateOf(at, (await repo.findEnterprise(db, enterpriseId))?.time_zone ?? 'Asia/Shanghai');
}

export function supplySpec(deps: AppDeps): ResourceSpec<SupplyDto, SupplyCreate, SupplyUpdate, z.infer<typeof supplyListQuerySchema>> {
  return {
    table: 'emergency_supply',
    path: '/api/v1/emergency-supplies',
    tag: 'emergency',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: supplyCreateSchema,
    updateSchema: supplyUpdateSchema,
    dtoSchema: supplySchema,
    listQuerySchema: supplyListQuerySchema,
    searchColumns: ['name', 'location'],
    filters: { areaId: 'area_id' },
    references: { areaId: 'area', responsiblePersonId: 'person', checkPostId: 'post' },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.quantity !== undefined && { quantity: input.quantity }),
      ...(input.minQuantity !== undefined && { min_quantity: input.minQuantity }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.areaId !== undefined && { area_id: input.areaId }),
      ...(input.location !== undefined && { location: input.location }),
      ...(input.responsiblePersonId !== undefined && { responsible_person_id: input.responsiblePersonId }),
      ...(input.expiresOn !== undefined && { expires_on: input.expiresOn }),
      ...(input.checkPeriod !== undefined && { check_period: input.checkPeriod }),
      ...(input.checkPostId !== undefined && { check_post_id: input.checkPostId }),
    }),
    toDtos: async (db, enterpriseId, rows) => {
      const today = await todayOf(db, enterpriseId, deps.clock.now());
      return rows.map((r) => toSupplyDto(r, today));
    },
    validate: async (trx, enterpriseId, id, input) => {
      const before = id ? await repo.findSupply(trx, enterpriseId, id) : undefined;
      const period = input.checkPeriod !== undefined ? input.checkPeriod : (before?.check_period ?? null);
      const post = input.checkPostId !== undefined ? input.checkPostId : (before?.check_post_id ?? null);
      if (period && !post) throw fieldError('checkPostId', { 'zh-CN': '设置检查周期时须指定负责检查的岗位', 'en-US': 'A check period needs the post that does the check' });
    },
    // The check item follows the supply: created with it, replaced when the period, post or person changes.
    afterWrite: async (trx, enterpriseId, id, _input, writer) => {
      const s = await repo.findSupply(trx, enterpriseId, id);
      if (!s) return;
      const actor = { userId: writer.userId, enterpriseId };
      const content = `应急物资检查：${s.name}（${s.location || '—'}）数量不少于 ${s.min_quantity}${s.unit}，在有效期内，完好可用`;
      if (s.inspection_item_id) {
        const item = await getItem(deps, enterpriseId, s.inspection_item_id, trx);
        const isSame = !item.archivedAt && item.postId === s.check_post_id && item.period === s.check_period && item.responsiblePersonId === s.responsible_person_id && item.content === content;
        if (isSame) return;
        await archiveItem(deps, actor, s.inspection_item_id, trx);
        await repo.setSupplyItem(trx, enterpriseId, id, null);
      }
      if (s.check_period && s.check_post_id) {
        const item = await createExtraItem(
          deps,
          actor,
          // Without a responsible person the check falls, explicitly, to the checking post's holders on duty.
          { postId: s.check_post_id, measureId: null, content, method: 'look', period: s.check_period as Period, responsiblePersonId: s.responsible_person_id, responsibleIsPostHolders: !s.responsible_person_id, supervisorPostId: null },
          trx,
        );
        await repo.setSupplyItem(trx, enterpriseId, id, item.id);
      }
    },
  };
}

export function contactSpec(): ResourceSpec<ContactDto, z.infer<typeof contactCreateSchema>, z.infer<typeof contactUpdateSchema>, z.infer<typeof contactListQuerySchema>> {
  return {
    table: 'emergency_contact',
    path: '/api/v1/emergency-contacts',
    tag: 'emergency',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: contactCreateSchema,
    updateSchema: contactUpdateSchema,
    dtoSchema: contactSchema,
    listQuerySchema: contactListQuerySchema,
    searchColumns: ['name', 'organisation', 'phone'],
    filters: { isExternal: 'is_external' },
    references: { personId: 'person' },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.organisation !== undefined && { organisation: input.organisation }),
      ...(input.duty !== undefined && { duty: input.duty }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.isExternal !== undefined && { is_external: toDbBool(input.isExternal) }),
      ...(input.callOrder !== undefined && { call_order: input.callOrder }),
      ...(input.personId !== undefined && { person_id: input.personId }),
    }),
    toDtos: async (_db, _e, rows) =>
      rows.map((r) => ({
        id: r.id,
        name: r.name as string,
        organisation: r.organisation as string,
        duty: r.duty as string,
        phone: r.phone as string,
        isExternal: fromDbBool(r.is_external as number),
        callOrder: r.call_order as number,
        personId: r.person_id as string | null,
        ...stamps(r),
      })),
  };
}

/** Deterministic per supply, problem and day: the daily job and a manual run raise one hazard, not two. */
function supplyHazardClientId(supplyId: string, problem: string, expiresOn: string | null): string {
  const h = createHash('sha256').update(`emergency-supply:${supplyId}:${problem}:${expiresOn ?? ''}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every live supply checked: expired or short ones raise a hazard (once per supply and problem). */
export async function checkSupplies(deps: AppDeps, actor: { userId: string | null; enterpriseId: string }): Promise<{ checked: number; hazardsRaised: number; hazardIds: string[] }> {
  const at = deps.clock.now();
  const today = await todayOf(deps.db, actor.enterpriseId, at);
  const supplies = await repo.listLiveSupplies(deps.db, actor.enterpriseId);
  const hazardIds: string[] = [];
  let raised = 0;
  for (const s of supplies) {
    const state = supplyState({ quantity: s.quantity, minQuantity: s.min_quantity, expiresOn: s.expires_on }, today);
    const problems = [
      ...(state.isExpired ? [{ key: 'expired', text: `应急物资已过期：${s.name}（有效期至 ${s.expires_on}，存放于 ${s.location || '—'}）` }] : []),
      ...(state.isShort ? [{ key: `short:${s.quantity}`, text: `应急物资数量不足：${s.name} 现有 ${s.quantity}${s.unit}，应不少于 ${s.min_quantity}${s.unit}（${s.location || '—'}）` }] : []),
    ];
    for (const p of problems) {
      const r = await withTransaction(deps.db, (trx) =>
        createHazardInTransaction(deps, trx, actor, {
          source: 'adhoc',
          areaId: s.area_id,
          postId: s.check_post_id,
          description: p.text,
          clientId: supplyHazardClientId(s.id, p.key, s.expires_on),
        }),
      );
      hazardIds.push(r.hazardId);
      if (r.isNew) raised++;
    }
  }
  return { checked: supplies.length, hazardsRaised: raised, hazardIds };
}

export function emergencyScheduledJobs(deps: AppDeps): ScheduledJob[] {
  return [
    {
      name: 'emergency-supply-check',
      everyMs: 6 * 60 * 60_000,
      run: async () => {
        for (const { enterprise_id } of await repo.listEnterprisesWithSupplies(deps.db)) await checkSupplies(deps, { userId: null, enterpriseId: enterprise_id });
      },
    },
  ];
}
