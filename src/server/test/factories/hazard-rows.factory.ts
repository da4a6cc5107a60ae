import type { Kysely } from 'kysely';
import type { Database, HazardTable } from '../../db/database.js';
import { newId } from '../../platform/ids.js';

const statuses = ['reported', 'confirmed', 'under_rectification', 'submitted_for_acceptance', 'closed', 'closed', 'closed', 'rejected'];

export interface HazardRowsSpec {
  enterpriseId: string;
  count: number;
  postIds: string[];
  areaIds?: string[];
  reporterUserIds?: string[];
  /** The newest hazard is created just before this instant; the oldest `spanDays` before it. */
  now: number;
  spanDays?: number;
  /** Description of the i-th hazard (default: a short Chinese sentence with its number). */
  describe?: (i: number) => string;
}

/**
 * Bulk hazard rows straight into the table (tests of lists and the benchmarks): a mix of states,
 * grades, posts and areas, deadlines 14 days after creation, oldest first. Not a use case: no
 * events, audit or notifications.
 */
export async function insertHazardRows(db: Kysely<Database>, spec: HazardRowsSpec): Promise<void> {
  const span = (spec.spanDays ?? 365) * 86_400_000;
  let batch: HazardTable[] = [];
  const flush = async () => {
    if (batch.length) await db.insertInto('hazard').values(batch).execute();
    batch = [];
  };
  for (let i = 0; i < spec.count; i++) {
    const created = new Date(spec.now - (spec.count - i) * (span / spec.count)).toISOString();
    const status = statuses[i % statuses.length] as string;
    const hasDeadline = status !== 'reported' && status !== 'rejected';
    batch.push({
      id: newId(),
      enterprise_id: spec.enterpriseId,
      source: i % 3 === 0 ? 'inspection' : 'adhoc',
      record_id: null,
      item_id: null,
      post_id: spec.postIds[i % Math.max(spec.postIds.length, 1)] ?? null,
      area_id: spec.areaIds?.length ? (spec.areaIds[i % spec.areaIds.length] ?? null) : null,
      measure_id: null,
      grade: status === 'reported' ? null : i % 50 === 0 ? 'major' : 'general',
      criterion_id: null,
      criterion_other_reason: null,
      description: spec.describe ? spec.describe(i) : `生成的隐患 #${i}：防护装置缺失`,
      photo_ids: '[]',
      status,
      reporter_user_id: spec.reporterUserIds?.length ? (spec.reporterUserIds[i % spec.reporterUserIds.length] ?? null) : null,
      reporter_person_id: null,
      reporter_name: null,
      rectifier_user_id: null,
      deadline: hasDeadline ? new Date(Date.parse(created) + 14 * 86_400_000).toISOString() : null,
      escalation_tier: null,
      overdue_at: null,
      is_published: status === 'closed' ? 1 : 0,
      client_id: `gen-${spec.enterpriseId}-${i}-${newId()}`,
      created_at: created,
      updated_at: created,
      closed_at: status === 'closed' ? new Date(Date.parse(created) + 7 * 86_400_000).toISOString() : null,
    });
    if (batch.length === 500) await flush();
  }
  await flush();
}
