import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { type EscalationTier, escalationTiers, isDeadlineNear, nextTier } from '../../../domain/hazard/overdue.js';
import type { HazardStatus } from '../../../domain/hazard/hazard-lifecycle.js';
import { newId } from '../../platform/ids.js';
import { readableInstant } from '../../../domain/calendar/enterprise-day.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { recordChange } from '../audit/audit.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import { listOwedWithDeadlineBefore, markOverdue } from './hazard-list.repository.js';
import * as repo from './hazards.repository.js';

/** Who hears of an overdue hazard at each tier (issue 5: escalate one tier up). */
const rolesOfTier: Record<EscalationTier, string[]> = {
  team: ['team_leader'],
  department: ['dept_head'],
  company: ['principal', 'safety_manager'],
};

/**
 * Flags hazards whose deadline passed, escalates each one tier up (event + notification) and
 * warns owners of deadlines within a day. Idempotent: one escalation per deadline (the overdue
 * flag is set by a conditional update); notifications are deduplicated by key.
 */
export async function runOverdueEscalation(deps: AppDeps, enterpriseId: string, at: Date): Promise<{ escalated: number; warned: number }> {
  const now = at.toISOString();
  const horizon = new Date(at.getTime() + 24 * 3_600_000).toISOString();
  const candidates = await listOwedWithDeadlineBefore(deps.db, enterpriseId, horizon);
  let escalated = 0;
  let warned = 0;
  const timeZone = candidates.length ? (await getEnterprise(deps, enterpriseId)).timeZone : '';
  for (const h of candidates) {
    const deadline = h.deadline as string;
    const shown = readableInstant(deadline, timeZone); // issue 8 §9: not the raw instant
    if (deadline >= now) {
      if (!isDeadlineNear({ status: h.status as HazardStatus, deadline }, at)) continue;
      await withTransaction(deps.db, async (trx) => {
        const plan = await repo.findRectificationPlan(trx, enterpriseId, h.id);
        const owner = plan ? await repo.findUserOfPerson(trx, enterpriseId, plan.owner_person_id) : null;
        const n = await notifyInTransaction(trx, {
          enterpriseId,
          userIds: [owner],
          roles: owner ? [] : ['safety_manager'],
          kind: 'deadline_near',
          title: { 'zh-CN': '隐患整改期限将至', 'en-US': 'Rectification deadline is near' },
          body: { 'zh-CN': `${h.description.slice(0, 150)}（期限 ${shown}）`, 'en-US': `${h.description.slice(0, 150)} (due ${shown})` },
          link: `/hazards/${h.id}`,
          dedupeKey: `deadline_near:${h.id}:${deadline}`,
          at,
        });
        if (n) warned++;
      });
      continue;
    }
    if (h.overdue_at) continue;
    const from = (escalationTiers as readonly string[]).includes(h.escalation_tier ?? '') ? (h.escalation_tier as EscalationTier) : 'team';
    const to = nextTier(from);
    await withTransaction(deps.db, async (trx) => {
      if (!(await markOverdue(trx, enterpriseId, h.id, deadline, to, now))) return;
      await repo.insertEvent(trx, {
        id: newId(),
        enterprise_id: enterpriseId,
        hazard_id: h.id,
        action: 'escalate',
        from_status: h.status,
        to_status: h.status,
        actor_user_id: null,
        at: now,
        data: JSON.stringify({ deadline, fromTier: from, toTier: to }),
      });
      await recordChange(trx, { userId: null, enterpriseId }, at, { entity: 'hazard', entityId: h.id, action: 'escalate', after: { overdueAt: now, escalationTier: to } });
      const plan = await repo.findRectificationPlan(trx, enterpriseId, h.id);
      const owner = plan ? await repo.findUserOfPerson(trx, enterpriseId, plan.owner_person_id) : null;
      await notifyInTransaction(trx, {
        enterpriseId,
        userIds: [owner],
        roles: rolesOfTier[to],
        kind: 'hazard_overdue',
        title: { 'zh-CN': '隐患整改逾期，已上报上一级', 'en-US': 'Rectification overdue; escalated one tier up' },
        body: { 'zh-CN': `${h.description.slice(0, 150)}（期限 ${shown}）`, 'en-US': `${h.description.slice(0, 150)} (was due ${shown})` },
        link: `/hazards/${h.id}`,
        dedupeKey: `hazard_overdue:${h.id}:${deadline}`,
        at,
      });
      escalated++;
    });
  }
  return { escalated, warned };
}
