import { publishInspectionList } from '../inspections/inspection-lists.service.js';
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
import { findAreaByName, listAreaFacts } from '../org/places.service.js';
import { type TemplatePlace, templatePlacesOf } from '../../../reference/templates/template-places.js';
import { mergeArt7Facts, noArt7Facts } from '../../../domain/risk/art7-floor.js';
import { createRiskInTransaction } from '../risks/risks.service.js';

/** The post's level as the wizard will create it: its risks floored by its suggested places' 第七条 facts. */
function levelsOf(risks: readonly TemplateRisk[], places: readonly TemplatePlace[] = []) {
  const hazardous = places.filter((p) => p.hazardKinds.length > 0);
  const facts = mergeArt7Facts(noArt7Facts, { hazardKinds: hazardous.flatMap((p) => p.hazardKinds), peopleAtOnce: Math.max(0, ...hazardous.map((p) => p.peopleAtOnce)) });
  return highestLevel(risks.map((r) => evaluateRisk(r.evaluation, facts).level));
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
      highestLevel: levelsOf(p.risks, templatePlacesOf(t.industry, p.key)),
      templateRef: templateRef(t.industry, p.key),
      places: templatePlacesOf(t.industry, p.key).map((pl) => ({ name: pl.name, hazardKinds: [...pl.hazardKinds], peopleAtOnce: pl.peopleAtOnce })),
    })),
    riskSets: riskSetTemplates.map((s) => ({ key: s.key, name: s.name, riskCount: s.risks.length })),
  };
}

function templatePlaceNamed(industry: Industry, name: string) {
  for (const p of findIndustryTemplate(industry)?.posts ?? []) {
    const found = templatePlacesOf(industry, p.key).find((pl) => pl.name === name);
    if (found) return found;
  }
  return undefined;
}

/**
 * The wizard's places: an area of that name is reused (its 第七条 facts raised to the template's
 * where they are stricter), otherwise created with them.
 */
async function ensureArea(
  org: OrgServices,
  trx: Executor,
  actor: { userId: string; enterpriseId: string },
  cache: Map<string, string>,
  a: { name: string; hazardKinds: ('poisoning' | 'explosion' | 'fire')[]; peopleAtOnce: number },
): Promise<string> {
  const known = cache.get(a.name) ?? (await findAreaByName(trx, actor.enterpriseId, a.name))?.id;
  if (!known) {
    const created = await org.areas.create(actor, { name: a.name, description: '', orgUnitId: null, hazardKinds: a.hazardKinds, maxPeopleAtOnce: a.hazardKinds.length ? a.peopleAtOnce : 0 }, trx);
    cache.set(a.name, created.id);
    return created.id;
  }
  cache.set(a.name, known);
  const [facts] = await listAreaFacts(trx, actor.enterpriseId, [known]);
  if (facts && a.hazardKinds.length) {
    const kinds = [...new Set([...facts.hazardKinds, ...a.hazardKinds])];
    const people = Math.max(facts.maxPeopleAtOnce, a.peopleAtOnce);
    if (kinds.length !== facts.hazardKinds.length || people !== facts.maxPeopleAtOnce) {
      await org.areas.update(actor, known, { hazardKinds: kinds, maxPeopleAtOnce: people }, trx);
    }
  }
  return known;
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
      // Seed 001 第十三条: the template names who does the item — the post's holders on duty.
      inspection: { ...m.inspection, responsiblePersonId: null, responsibleIsPostHolders: true, supervisorPostId: null },
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
    const suggested = templatePlacesOf(input.industry, p.key);
    const areas = (p.areas ?? suggested.map((pl) => ({ name: pl.name, peopleAtOnce: pl.peopleAtOnce }))).map((a) => {
      const known = suggested.find((pl) => pl.name === a.name) ?? templatePlaceNamed(input.industry, a.name);
      return { name: a.name, hazardKinds: known ? [...known.hazardKinds] : [], peopleAtOnce: a.peopleAtOnce ?? known?.peopleAtOnce ?? 0 };
    });
    return { template, headcount: p.headcount ?? template.defaultHeadcount, riskSets, areas };
  });
  const keys = new Set<string>();
  input.posts.forEach((p, i) => {
    if (keys.has(p.key)) throw fieldError(`posts.${i}.key`, { 'zh-CN': '岗位重复', 'en-US': 'Duplicate post' });
    keys.add(p.key);
  });

  const work = async (trx: Executor) => {
    const result: TemplateApplicationResult = { posts: 0, risks: 0, measures: 0, inspectionItems: 0, postIds: [] };
    const areaIdsByName = new Map<string, string>();
    for (const { template, headcount, riskSets, areas } of chosen) {
      const ref = templateRef(input.industry, template.key);
      const areaIds: string[] = [];
      for (const a of areas) areaIds.push(await ensureArea(org, trx, actor, areaIdsByName, a));
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
          // Risks created below inherit the first area (issue 8 item 5) and its 第七条 facts.
          areaIds,
          reportsToPostId: null,
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
    // Seed 001 第十四条 needs an org chart (our rule, not the seed's): operation posts report to the
    // chosen line manager post (e.g. 车间主任 — a management post other than the principal and the
    // safety manager), else to the safety manager; management posts report to the principal.
    const created = chosen.map(({ template }, i) => ({ key: template.key, kind: template.kind, id: result.postIds[i] as string }));
    const byKey = (key: string) => created.find((c) => c.key === key)?.id ?? null;
    const lineManager = created.find((c) => c.kind === 'management' && c.key !== 'principal' && c.key !== 'safety-manager')?.id ?? byKey('safety-manager');
    for (const c of created) {
      const superior = c.kind === 'operation' ? lineManager : c.key === 'principal' ? null : byKey('principal');
      if (superior && superior !== c.id) await org.posts.update(actor, c.id, { reportsToPostId: superior }, trx);
    }
    // Adopting the template publishes each new post's list (every item names the post's holders), so
    // its tasks run at once; later edits are drafts until the list is published again (第十三条).
    for (const postId of result.postIds) await publishInspectionList(deps, actor, postId, trx);
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
