import type { AppDeps } from '../../app-deps.js';
import { type Executor, withTransaction } from '../../db/with-transaction.js';
import { evaluateRisk } from '../../../domain/risk/evaluate.js';
import { highestLevel } from '../../../domain/risk/risk-level.js';
import {
  findIndustryTemplate,
  findPostTemplate,
  findRiskSetTemplate,
  industryTemplates,
  riskSetTemplates,
  templateRef,
  templateVersion,
} from '../../../reference/templates/index.js';
import type { Industry, PostTemplate, TemplateRisk } from '../../../reference/templates/template-types.js';
import type { RiskInput } from '../../../schemas/risks.js';
import type { TemplateApplicationInput, TemplateApplicationResult } from '../../../schemas/templates.js';
import { notFound } from '../../platform/http/app-error.js';
import { fieldError } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import type { OrgServices } from '../org/org.routes.js';
import { setPostTemplateRef } from '../org/posts.service.js';
import { createRiskInTransaction } from '../risks/risks.service.js';

function levelsOf(risks: readonly TemplateRisk[]) {
  return highestLevel(risks.map((r) => evaluateRisk(r.evaluation).level));
}

export function listTemplates() {
  return industryTemplates.map((t) => summarise(t.industry));
}

export function summarise(industry: Industry) {
  const t = findIndustryTemplate(industry);
  if (!t) throw notFound('template');
  return {
    industry: t.industry,
    name: t.name,
    basis: t.basis,
    posts: t.posts.map((p) => ({
      key: p.key,
      name: p.name,
      kind: p.kind,
      defaultHeadcount: p.defaultHeadcount,
      riskCount: p.risks.length,
      measureCount: p.risks.reduce((n, r) => n + r.measures.length, 0),
      highestLevel: levelsOf(p.risks),
      templateRef: templateRef(t.industry, p.key),
    })),
    riskSets: riskSetTemplates.map((s) => ({ key: s.key, name: s.name, riskCount: s.risks.length })),
  };
}

function toRiskInput(postId: string, post: PostTemplate, risk: TemplateRisk): RiskInput {
  return {
    postId,
    objectKind: risk.objectKind,
    objectName: risk.objectName,
    objectId: null,
    areaId: null,
    isNonRoutine: risk.isNonRoutine ?? false,
    hazardFactorCodes: risk.hazardFactorCodes,
    accidentTypeCodes: risk.accidentTypeCodes,
    causes: risk.causes,
    identificationMethod: post.kind === 'operation' ? 'jha' : 'checklist',
    jhaSteps: null,
    evaluation: risk.evaluation,
    responsiblePersonId: null,
    measures: risk.measures.map((m) => ({
      type: m.type,
      // Seed 001 Art. 8–9: operation posts by phase, management posts by duty item.
      phase: post.kind === 'operation' ? (m.phase ?? null) : null,
      dutyItem: post.kind === 'management' ? (m.dutyItem ?? null) : null,
      text: m.text,
      inspection: { ...m.inspection, responsiblePersonId: null, supervisorPostId: null },
    })),
  };
}

/**
 * The wizard's one step: the ticked template posts become the enterprise's posts, with their
 * risks evaluated, their measures and inspection items — one transaction, all editable later and
 * marked with the template they came from.
 */
export async function applyTemplate(
  deps: AppDeps,
  org: OrgServices,
  actor: { userId: string; enterpriseId: string },
  input: TemplateApplicationInput,
  trxIn?: Executor,
): Promise<TemplateApplicationResult> {
  const industry = findIndustryTemplate(input.industry);
  if (!industry) throw notFound('template');
  const chosen = input.posts.map((p, i) => {
    const template = findPostTemplate(input.industry, p.key);
    if (!template) throw fieldError(`posts.${i}.key`, { 'zh-CN': `模板中没有岗位 ${p.key}`, 'en-US': `No post ${p.key} in the template` });
    const riskSets = p.riskSetKeys.map((key, j) => {
      const set = findRiskSetTemplate(key);
      if (!set) throw fieldError(`posts.${i}.riskSetKeys.${j}`, { 'zh-CN': `没有风险集 ${key}`, 'en-US': `No risk set ${key}` });
      return set;
    });
    return { template, headcount: p.headcount ?? template.defaultHeadcount, riskSets };
  });
  const keys = new Set<string>();
  input.posts.forEach((p, i) => {
    if (keys.has(p.key)) throw fieldError(`posts.${i}.key`, { 'zh-CN': '岗位重复', 'en-US': 'Duplicate post' });
    keys.add(p.key);
  });

  const work = async (trx: Executor) => {
    const result: TemplateApplicationResult = { posts: 0, risks: 0, measures: 0, inspectionItems: 0, postIds: [] };
    for (const { template, headcount, riskSets } of chosen) {
      const ref = templateRef(input.industry, template.key);
      const post = await org.posts.create(
        actor,
        {
          name: template.name,
          kind: template.kind,
          orgUnitId: null,
          headcount,
          mainEquipment: template.mainEquipment,
          mainActivities: template.mainActivities,
          duties: template.duties ?? '',
        },
        trx,
      );
      await setPostTemplateRef(trx, actor.enterpriseId, post.id, ref, deps.clock.now());
      result.posts++;
      result.postIds.push(post.id);
      const risks = [...template.risks.map((r) => ({ r, ref })), ...riskSets.flatMap((s) => s.risks.map((r) => ({ r, ref: `risk-set/${s.key}@${templateVersion}` })))];
      for (const { r, ref: riskRef } of risks) {
        const created = await createRiskInTransaction(deps, trx, actor, toRiskInput(post.id, template, r), {
          status: 'accepted',
          templateRef: `${riskRef}#${r.key}`,
          note: `模板 ${riskRef}`,
        });
        result.risks++;
        result.measures += created.measureIds.length;
        result.inspectionItems += created.itemIds.length;
      }
    }
    await recordChange(trx, actor, deps.clock.now(), {
      entity: 'template_application',
      entityId: actor.enterpriseId,
      action: 'apply',
      after: { industry: input.industry, version: templateVersion, ...result },
    });
    return result;
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}
