/*
 * Performance monitoring (绩效测量和监测, issue 15 §1, seed 000 四(一)): the plan — what, method,
 * frequency, who — kept through the one tenant-resource CRUD, and the 测量和监测表 of a period whose
 * results come from the features' indicator functions (the management review's sources, and the
 * occupational-health readings through occupationalHealthIndicators). Readings outside their limits
 * raise hazards in the occupational-health feature itself.
 */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import type { Executor } from '../../db/with-transaction.js';
import { type MonitoringSubject, monitoringResult } from '../../../domain/improvement/monitoring-table.js';
import type { Locale } from '../../../i18n/locale.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  monitoringItemCreateSchema,
  type MonitoringItemDto,
  monitoringItemListQuerySchema,
  monitoringItemSchema,
  monitoringItemUpdateSchema,
  type MonitoringTableDto,
} from '../../../schemas/monitoring.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import type { Row } from '../../platform/resource/tenant-resource.repository.js';
import { fieldError } from '../../platform/http/validation.js';
import { occupationalHealthIndicators } from '../occupational-health/workplace-monitoring.service.js';
import { gatherReviewSources } from './management-review.service.js';

async function ownerNames(db: Executor, enterpriseId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function toDtos(db: Executor, enterpriseId: string, rows: Row[]): Promise<MonitoringItemDto[]> {
  const names = await ownerNames(db, enterpriseId, [...new Set(rows.map((r) => r.owner_person_id as string))]);
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject as MonitoringItemDto['subject'],
    name: r.what as string,
    method: r.method as string,
    frequency: r.frequency as MonitoringItemDto['frequency'],
    ownerPersonId: r.owner_person_id as string,
    ownerName: names.get(r.owner_person_id as string) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at as string,
    archivedAt: r.archived_at,
  }));
}

export function monitoringItemSpec(): ResourceSpec<MonitoringItemDto, z.infer<typeof monitoringItemCreateSchema>, z.infer<typeof monitoringItemUpdateSchema>, z.infer<typeof monitoringItemListQuerySchema>> {
  return {
    table: 'monitoring_item',
    path: '/api/v1/monitoring-items',
    tag: 'improvement',
    readRoles: allRoles.filter((r) => r !== 'worker'),
    writeRoles: managerRoles,
    createSchema: monitoringItemCreateSchema,
    updateSchema: monitoringItemUpdateSchema,
    dtoSchema: monitoringItemSchema,
    listQuerySchema: monitoringItemListQuerySchema,
    searchColumns: ['what'],
    filters: {},
    references: { ownerPersonId: 'person' },
    toColumns: (input) => ({
      ...(input.subject !== undefined && { subject: input.subject }),
      ...(input.name !== undefined && { what: input.name }),
      ...(input.method !== undefined && { method: input.method }),
      ...(input.frequency !== undefined && { frequency: input.frequency }),
      ...(input.ownerPersonId !== undefined && { owner_person_id: input.ownerPersonId }),
    }),
    toDtos,
  };
}

/** 职业安全健康管理体系测量和监测表 of a period: every live plan line with its result from the records. */
export async function monitoringTable(deps: AppDeps, enterpriseId: string, period: { from: string; to: string }, locale: Locale): Promise<MonitoringTableDto> {
  if (period.to < period.from) throw fieldError('to', { 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end cannot be before the start' });
  const rows = (await deps.db.selectFrom('monitoring_item').selectAll().where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute()) as unknown as Row[];
  const items = await toDtos(deps.db, enterpriseId, rows);
  const [review, oh] = await Promise.all([gatherReviewSources(deps, enterpriseId, period), occupationalHealthIndicators(deps, enterpriseId, period)]);
  // Special equipment has no indicator function yet: its line reads "not recorded".
  const sources = { review, occupationalHealth: oh, equipment: null };
  return {
    ...period,
    rows: items.map((i) => ({ itemId: i.id, subject: i.subject, what: i.name, method: i.method, frequency: i.frequency, ownerName: i.ownerName, ...monitoringResult(i.subject as MonitoringSubject, sources, locale) })),
  };
}
