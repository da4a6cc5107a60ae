/* Corrective actions as due items, their escalation and their figures (DESIGN "Due items",
 * "Indicators"). Open, overdue and ineffective records escalate like hazards: the owner hears as a
 * due item falls due (the hourly due-item job), and the company's managers (principal, safety
 * manager) hear once per overdue action, check left undone or ineffective verdict (capa-escalation
 * job, idempotent by a key stored on the record). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { actionsOfRound, addDays, capaEscalation, isActionOverdue } from '../../../domain/improvement/capa-lifecycle.js';
import type { CapaIndicatorsDto } from '../../../schemas/capa.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import type { ScheduledJob } from '../../platform/scheduler.js';
import { recordChange } from '../audit/audit.service.js';
import { getEnterprise } from '../enterprise/enterprise.service.js';
import { enterpriseToday } from '../management/objectives.service.js';
import { notifyInTransaction } from '../notifications/notifications.service.js';
import * as repo from './capa.repository.js';
import { stateOf } from './capa.service.js';

/** Days after raising by which the cause is analysed and actions planned (product rule, not from the seed). */
export const analysisDays = 7;

export const capaDueItemProvider: DueItemProvider = {
  feature: 'capa',
  notifyDaysBefore: 3,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = (await getEnterprise(deps, enterpriseId)).timeZone;
    const rows = await repo.listCapasFor(deps.db, enterpriseId, { openOnly: true });
    const actions = await repo.listActions(deps.db, enterpriseId, rows.map((r) => r.id));
    const items: DueItem[] = [];
    for (const r of rows) {
      const text = r.description.length > 50 ? `${r.description.slice(0, 50)}…` : r.description;
      const link = `/improvement/capas/${r.id}`;
      const state = stateOf(r, actions.filter((a) => a.capa_id === r.id));
      if (r.status === 'raised' || r.status === 'ineffective') {
        const dueAt = endOfLocalDay(addDays(r.created_at.slice(0, 10), analysisDays), tz);
        items.push({ kind: 'capa.plan', title: { 'zh-CN': `不符合待分析原因并制定措施：${text}`, 'en-US': `Nonconformity to analyse and plan: ${text}` }, dueAt, status: dueStatusOf(dueAt, false, now), ownerPersonId: r.owner_person_id, link, sourceRef: `capa:${r.id}` });
      }
      if (r.status === 'planned' || r.status === 'implementing') {
        for (const a of actions.filter((x) => x.capa_id === r.id && Number(x.round) === state.round)) {
          const dueAt = endOfLocalDay(a.deadline, tz);
          items.push({ kind: 'capa.action', title: { 'zh-CN': `纠正措施：${a.description.slice(0, 50)}`, 'en-US': `Corrective action: ${a.description.slice(0, 50)}` }, dueAt, status: dueStatusOf(dueAt, !!a.done_at, now), ownerPersonId: a.owner_person_id, link, sourceRef: `capa_action:${a.id}` });
        }
      }
      if (r.status === 'verifying' && r.check_due_on) {
        const dueAt = endOfLocalDay(r.check_due_on, tz);
        // Not the owner's: someone else checks. With no owner it reaches the safety managers.
        items.push({ kind: 'capa.effectivenessCheck', title: { 'zh-CN': `纠正措施有效性验证：${text}`, 'en-US': `Effectiveness check: ${text}` }, dueAt, status: dueStatusOf(dueAt, false, now), ownerPersonId: null, link, sourceRef: `capa:${r.id}` });
      }
    }
    return items;
  },
};

/** Notifies the company's managers once per new escalation of each open record. */
export async function runCapaEscalation(deps: AppDeps, enterpriseId: string, at: Date): Promise<number> {
  const today = await enterpriseToday(deps.db, enterpriseId, at);
  const rows = await repo.listCapasFor(deps.db, enterpriseId, { openOnly: true });
  const actions = await repo.listActions(deps.db, enterpriseId, rows.map((r) => r.id));
  let sent = 0;
  for (const r of rows) {
    const state = stateOf(r, actions.filter((a) => a.capa_id === r.id));
    const esc = capaEscalation(state, today);
    if (!esc.escalates) continue;
    const overdue = actionsOfRound(state).filter((a) => isActionOverdue(a, today)).map((a) => a.deadline);
    // What is escalated: a new overdue deadline, a check day passed or an ineffective round is news; the same is not.
    const key = `${state.round}:${esc.isIneffective ? 'ineffective' : ''}:${esc.isCheckOverdue ? `check-${r.check_due_on}` : ''}:${overdue.sort().join(',')}`;
    sent += await withTransaction(deps.db, async (trx) => {
      if (!(await repo.setEscalatedKey(trx, enterpriseId, r.id, key))) return 0;
      await recordChange(trx, { userId: null, enterpriseId }, at, { entity: 'capa', entityId: r.id, action: 'escalate', after: esc });
      const why = [
        esc.overdueActions ? { zh: `${esc.overdueActions} 项措施逾期`, en: `${esc.overdueActions} action(s) overdue` } : null,
        esc.isCheckOverdue ? { zh: `有效性验证逾期（${r.check_due_on}）`, en: `effectiveness check overdue (${r.check_due_on})` } : null,
        esc.isIneffective ? { zh: '验证无效，尚未重新制定措施', en: 'found ineffective, no new actions yet' } : null,
      ].filter((x): x is { zh: string; en: string } => x !== null);
      return notifyInTransaction(trx, {
        enterpriseId,
        userIds: [],
        roles: ['principal', 'safety_manager'],
        kind: 'capa_escalated',
        title: { 'zh-CN': '纠正预防措施已上报企业负责人', 'en-US': 'Corrective action escalated to the company managers' },
        body: { 'zh-CN': `${r.description.slice(0, 120)}：${why.map((w) => w.zh).join('；')}`, 'en-US': `${r.description.slice(0, 120)}: ${why.map((w) => w.en).join('; ')}` },
        link: `/improvement/capas/${r.id}`,
        dedupeKey: `capa_escalated:${r.id}:${key}`,
        at,
      });
    });
  }
  return sent;
}

export async function runCapaEscalationForAll(deps: AppDeps, at: Date): Promise<number> {
  let sent = 0;
  for (const id of await repo.listEnterprisesWithOpenCapas(deps.db)) sent += await runCapaEscalation(deps, id, at);
  return sent;
}

export function capaScheduledJobs(deps: AppDeps): ScheduledJob[] {
  return [{ name: 'capa-escalation', everyMs: 60 * 60_000, run: () => runCapaEscalationForAll(deps, deps.clock.now()) }];
}

/**
 * Indicator (DESIGN "Indicators"): records raised in [from, to) by source and their state now, plus
 * every open record's overdue actions. Read by the management review and the appraisal.
 */
export async function capaIndicators(deps: AppDeps, enterpriseId: string, period: { from: Date; to: Date }): Promise<CapaIndicatorsDto> {
  const today = await enterpriseToday(deps.db, enterpriseId, deps.clock.now());
  const raised = await repo.listCapasFor(deps.db, enterpriseId, { since: period.from.toISOString(), until: period.to.toISOString() });
  const open = await repo.listCapasFor(deps.db, enterpriseId, { openOnly: true });
  const actions = await repo.listActions(deps.db, enterpriseId, open.map((r) => r.id));
  const bySource: Record<string, number> = {};
  for (const r of raised) bySource[r.source_kind] = (bySource[r.source_kind] ?? 0) + 1;
  return {
    raised: raised.length,
    open: open.length,
    effective: raised.filter((r) => r.status === 'effective').length,
    ineffective: open.filter((r) => r.status === 'ineffective').length,
    verifying: open.filter((r) => r.status === 'verifying').length,
    overdueActions: open.reduce((n, r) => n + capaEscalation(stateOf(r, actions.filter((a) => a.capa_id === r.id)), today).overdueActions, 0),
    bySource,
  };
}
