/* The yearly compliance evaluation (合规性评价, issue 14 §6): per legal requirement and year, a result
 * with evidence and findings; non-compliant needs an action with owner and deadline and raises a
 * corrective action through the one CAPA mechanism (modules/improvement raiseCorrectiveAction, in
 * the same transaction; the CAPA owns the action's due items from then on). Insert-only — a
 * correction is a later entry for the same year, the latest one is in force. `complianceFindings`
 * lists the non-compliances in force for other features (reviews). */
import type { AppDeps } from '../../app-deps.js';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { ComplianceEvaluationDto, ComplianceEvaluationInput, LegalRequirementDto } from '../../../schemas/legal-register.js';
import { type DueItem, dueStatusOf } from '../../platform/due-items/due-items.js';
import { AppError, type FieldIssue, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { raiseCorrectiveAction } from '../improvement/capa.service.js';
import * as repo from './documents.repository.js';
import { enterpriseToday, type DocumentActor } from './documents.service.js';
import { getLegalRequirement } from './legal-register.service.js';

export async function evaluationsOf(db: Executor, enterpriseId: string, requirementIds: string[]) {
  if (!requirementIds.length) return [];
  return db
    .selectFrom('compliance_evaluation as e')
    .leftJoin('person as p', 'p.id', 'e.action_owner_person_id')
    .selectAll('e')
    .select('p.name as owner_name')
    .where('e.enterprise_id', '=', enterpriseId)
    .where('e.requirement_id', 'in', requirementIds)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}
type EvaluationRow = Awaited<ReturnType<typeof evaluationsOf>>[number];

export const toEvaluationDto = (e: EvaluationRow): ComplianceEvaluationDto => ({
  id: e.id,
  requirementId: e.requirement_id,
  year: Number(e.year),
  evaluatedOn: e.evaluated_on,
  result: e.result as ComplianceEvaluationDto['result'],
  evidence: e.evidence,
  findings: e.findings,
  action: e.action,
  actionOwnerPersonId: e.action_owner_person_id,
  actionOwnerName: e.owner_name ?? null,
  actionDeadline: e.action_deadline,
  capaId: e.capa_id,
  createdAt: e.created_at,
});

const required = (path: string, zh: string, en: string): FieldIssue => ({ path, message: { 'zh-CN': `不符合时必须填写${zh}`, 'en-US': `A non-compliance needs ${en}` } });

/** Records the evaluation of one requirement for a year (a later entry corrects an earlier one). */
export async function evaluateCompliance(deps: AppDeps, actor: DocumentActor, requirementId: string, input: ComplianceEvaluationInput): Promise<LegalRequirementDto> {
  if (input.result === 'non_compliant') {
    const missing: FieldIssue[] = [];
    if (!input.findings) missing.push(required('findings', '发现', 'findings'));
    if (!input.action) missing.push(required('action', '整改措施', 'an action'));
    if (!input.actionOwnerPersonId) missing.push(required('actionOwnerPersonId', '责任人', 'an owner'));
    if (!input.actionDeadline) missing.push(required('actionDeadline', '完成期限', 'a deadline'));
    if (missing.length) throw new AppError('VALIDATION', {}, missing);
  }
  return withTransaction(deps.db, async (trx) => {
    const req = await trx.selectFrom('legal_requirement').select(['id', 'archived_at', 'title']).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', requirementId).executeTakeFirst();
    if (!req) throw notFound('legal_requirement');
    if (req.archived_at) throw new AppError('ARCHIVED', { entity: 'legal_requirement' });
    if (input.actionOwnerPersonId && !(await repo.livePersonExists(trx, actor.enterpriseId, input.actionOwnerPersonId))) throw referenceMissing('actionOwnerPersonId');
    const isAction = input.result === 'non_compliant';
    const row = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      requirement_id: requirementId,
      year: input.year,
      evaluated_on: await enterpriseToday(deps, trx, actor.enterpriseId),
      result: input.result,
      evidence: input.evidence,
      findings: input.findings,
      action: isAction ? input.action : '',
      action_owner_person_id: isAction ? input.actionOwnerPersonId : null,
      action_deadline: isAction ? input.actionDeadline : null,
      capa_id: null as string | null,
      created_by_user_id: actor.userId,
      created_at: deps.clock.now().toISOString(),
    };
    if (isAction) {
      const capa = await raiseCorrectiveAction(deps, trx, {
        enterpriseId: actor.enterpriseId,
        actorUserId: actor.userId,
        source: { kind: 'compliance_evaluation', id: row.id, label: `${input.year} 年合规性评价：${req.title}` },
        description: `${input.findings}\n拟采取措施：${input.action}（完成期限 ${input.actionDeadline}）`,
        ownerPersonId: input.actionOwnerPersonId,
      });
      row.capa_id = capa.id;
    }
    await trx.insertInto('compliance_evaluation').values(row).execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'compliance_evaluation', entityId: row.id, action: 'create', after: { requirementId, ...input } });
    return getLegalRequirement(deps, actor.enterpriseId, requirementId, trx);
  });
}

/** The latest evaluation per live requirement for a year. */
async function evaluationsInForce(db: Executor, enterpriseId: string, year: number) {
  const live = await db.selectFrom('legal_requirement').select(['id', 'title', 'document_no']).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).execute();
  const evals = (await evaluationsOf(db, enterpriseId, live.map((r) => r.id))).filter((e) => Number(e.year) === year);
  return live.map((r) => ({ requirement: r, evaluation: evals.find((e) => e.requirement_id === r.id) ?? null }));
}

export interface ComplianceFinding {
  evaluationId: string;
  requirementId: string;
  requirementTitle: string;
  year: number;
  evaluatedOn: string;
  findings: string;
  action: string;
  ownerPersonId: string | null;
  deadline: string | null;
  capaId: string | null;
}

/**
 * Non-compliant findings in force for a year (DESIGN "Corrective actions": the CAPA feature reads
 * these through this function, never the tables). A later compliant entry for the same year clears one.
 */
export async function complianceFindings(deps: AppDeps, enterpriseId: string, year: number): Promise<ComplianceFinding[]> {
  return (await evaluationsInForce(deps.db, enterpriseId, year))
    .filter((x) => x.evaluation?.result === 'non_compliant')
    .map(({ requirement, evaluation: e }) => ({
      evaluationId: e!.id,
      requirementId: requirement.id,
      requirementTitle: requirement.title,
      year,
      evaluatedOn: e!.evaluated_on,
      findings: e!.findings,
      action: e!.action,
      ownerPersonId: e!.action_owner_person_id,
      deadline: e!.action_deadline,
      capaId: e!.capa_id,
    }));
}

/** The legal register's figures for a year (part of documentIndicators). */
export async function legalIndicators(deps: AppDeps, enterpriseId: string, year: number) {
  const rows = await evaluationsInForce(deps.db, enterpriseId, year);
  const clauses = await deps.db
    .selectFrom('legal_clause as c')
    .innerJoin('legal_requirement as r', 'r.id', 'c.requirement_id')
    .select(['c.post_ids', 'c.org_unit_ids', 'c.risk_ids', 'c.document_ids'])
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.archived_at', 'is', null)
    .where('r.archived_at', 'is', null)
    .execute();
  const isMapped = (c: (typeof clauses)[number]) => [c.post_ids, c.org_unit_ids, c.risk_ids, c.document_ids].some((j) => j !== '[]');
  return {
    lawsRegistered: rows.length,
    clauses: clauses.length,
    clausesMapped: clauses.filter(isMapped).length,
    complianceEvaluated: rows.filter((r) => r.evaluation).length,
    complianceNonCompliant: rows.filter((r) => r.evaluation?.result === 'non_compliant').length,
    complianceNotEvaluated: rows.filter((r) => !r.evaluation).length,
  };
}

/** Due item: the year's evaluation, due 31 December, done when every live requirement is evaluated (a non-compliance's action is the CAPA's due item). */
export async function complianceDueItems(deps: AppDeps, enterpriseId: string, tz: string): Promise<DueItem[]> {
  const now = deps.clock.now();
  const today = await enterpriseToday(deps, deps.db, enterpriseId);
  const year = Number(today.slice(0, 4));
  const rows = await evaluationsInForce(deps.db, enterpriseId, year);
  const items: DueItem[] = [];
  if (rows.length) {
    const open = rows.filter((r) => !r.evaluation).length;
    const dueAt = endOfLocalDay(`${year}-12-31`, tz);
    items.push({
      kind: 'documents.complianceEvaluation',
      title: { 'zh-CN': `${year} 年合规性评价（未评价 ${open} 项）`, 'en-US': `${year} compliance evaluation (${open} not evaluated)` },
      dueAt,
      status: dueStatusOf(dueAt, open === 0, now),
      ownerPersonId: null,
      link: '/legal-register',
      sourceRef: `compliance_evaluation:${year}`,
    });
  }
  return items;
}
