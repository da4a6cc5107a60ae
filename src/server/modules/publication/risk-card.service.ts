import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { compareLevels, highestLevel, isRiskLevel, levelColour, type RiskLevel } from '../../../domain/risk/risk-level.js';
import { findAccidentType, isAccidentTypeCode } from '../../../reference/accident-types.js';
import { findHazardFactor } from '../../../reference/hazard-factors.js';
import type { Locale } from '../../../i18n/locale.js';
import {
  type MeasureGroup,
  type NoticeBoard,
  type PostEmergencyInput,
  postEmergencyInputSchema,
  type PublicationSettingsInput,
  type RiskCard,
} from '../../../schemas/publication.js';
import { measureTypes, phases } from '../../../schemas/risks.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { parseOrThrow } from '../../platform/http/validation.js';
import { recordChange } from '../audit/audit.service.js';
import { typicalConsequences } from './accident-consequences.js';
import * as repo from './publication.repository.js';
import { levelBasisOfRisks } from '../risks/risk-facts.service.js';

type MeasureRow = Awaited<ReturnType<typeof repo.listLiveMeasuresOfRisks>>[number];
type MeasureType = (typeof measureTypes)[number];
type Phase = (typeof phases)[number];

export interface PublicationActor {
  userId: string;
  enterpriseId: string;
}

const parseCodes = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
};

const uniqueSorted = (codes: string[]) => [...new Set(codes)].sort();

function accidentTypeLabels(codes: string[]) {
  return uniqueSorted(codes).map((code) => ({ code, label: findAccidentType(code)?.label ?? { 'zh-CN': code, 'en-US': code } }));
}

function latest(...times: (string | null | undefined)[]): string {
  return times.filter((t): t is string => typeof t === 'string').sort().at(-1) ?? new Date(0).toISOString();
}

/** 119 and 120 are printed on every card and board; the enterprise's own duty number after them. */
function emergencyPhones(own: string | null | undefined) {
  return [
    { kind: 'fire' as const, number: '119' },
    { kind: 'ambulance' as const, number: '120' },
    ...(own ? [{ kind: 'enterprise' as const, number: own }] : []),
  ];
}

const typeOrder = (t: string) => measureTypes.indexOf(t as MeasureType);

/**
 * Operation posts: by phase of the work (before / during / after, Art. 9), measures without a phase
 * by type in hierarchy order. Management posts: by duty item. Emergency measures go to the
 * emergency section instead.
 */
export function groupMeasures(postKind: string, measures: MeasureRow[]): MeasureGroup[] {
  const groups = new Map<string, MeasureGroup>();
  const seen = new Set<string>();
  const ordered = [...measures].sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.position - b.position);
  for (const m of ordered) {
    if (m.type === 'emergency') continue;
    const by: MeasureGroup['by'] = postKind === 'management' && m.duty_item ? 'duty' : m.phase ? 'phase' : 'type';
    const key = by === 'duty' ? (m.duty_item as string) : by === 'phase' ? (m.phase as string) : m.type;
    const dedupe = `${by}:${key}:${m.text}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const id = `${by}:${key}`;
    if (!groups.has(id)) groups.set(id, { by, key, items: [] });
    groups.get(id)!.items.push({ text: m.text, type: m.type as MeasureType, phase: (m.phase as Phase | null) ?? null });
  }
  const rank = (g: MeasureGroup) => (g.by === 'phase' ? phases.indexOf(g.key as Phase) : g.by === 'type' ? 10 + typeOrder(g.key) : 100);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

function emergencyActions(own: string | null | undefined, measures: MeasureRow[]): string[] {
  const lines = (own ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const m of measures) if (m.type === 'emergency' && !lines.includes(m.text)) lines.push(m.text);
  return lines;
}

async function enterpriseHeader(deps: AppDeps, enterpriseId: string) {
  const e = await repo.findEnterpriseHeader(deps.db, enterpriseId);
  if (!e) throw notFound('enterprise');
  return e;
}

/** 岗位安全风险告知卡 (seed 001 Art. 11): post, accident types and consequences, hazard factors, measures, emergency. */
export async function getRiskCard(deps: AppDeps, enterpriseId: string, postId: string): Promise<RiskCard> {
  const enterprise = await enterpriseHeader(deps, enterpriseId);
  const post = await repo.findPostForCard(deps.db, enterpriseId, postId);
  if (!post) throw notFound('post');
  // A card must never be printed for a post that no longer exists on the floor.
  if (post.archived_at) throw new AppError('ARCHIVED', { entity: 'post' });
  const risks = await repo.listPublishedRisksOfPost(deps.db, enterpriseId, postId);
  const measures = await repo.listLiveMeasuresOfRisks(deps.db, enterpriseId, risks.map((r) => r.id));
  const level = highestLevel(risks.flatMap((r) => (isRiskLevel(r.level) ? [r.level] : [])));
  const accidentCodes = risks.flatMap((r) => parseCodes(r.accident_type_codes));
  const hazardCodes = uniqueSorted(risks.flatMap((r) => parseCodes(r.hazard_factor_codes)));
  const riskChange = await repo.latestRiskChangeOfPost(deps.db, enterpriseId, postId);
  // Issue 9 §1: the seed 001 第七条 rule behind a level, shown on the card.
  const basis = await levelBasisOfRisks(deps.db, enterpriseId, risks.map((r) => r.id), 'zh-CN');
  return {
    enterprise: { id: enterprise.id, name: enterprise.name },
    post: {
      id: post.id,
      name: post.name,
      kind: post.kind === 'management' ? 'management' : 'operation',
      orgUnitName: post.org_unit_name ?? null,
      headcount: Number(post.headcount),
      mainEquipment: post.main_equipment,
      mainActivities: post.main_activities,
    },
    level,
    colour: level ? levelColour(level) : null,
    accidentTypes: accidentTypeLabels(accidentCodes).map((a) => ({
      ...a,
      consequences: isAccidentTypeCode(a.code) ? typicalConsequences[a.code] : { 'zh-CN': '', 'en-US': '' },
    })),
    hazardFactors: hazardCodes.map((code) => ({ code, label: findHazardFactor(code)?.label ?? { 'zh-CN': code, 'en-US': code } })),
    levelBasis: [...new Set(risks.filter((r) => r.level === level).flatMap((r) => (basis.get(r.id) ? [basis.get(r.id)!.text] : [])))].join('；') || null,
    risks: risks.map((r) => ({ id: r.id, objectName: r.object_name, level: isRiskLevel(r.level) ? r.level : null, causes: r.causes, levelBasis: basis.get(r.id)?.text ?? null })),
    measureGroups: groupMeasures(post.kind, measures),
    emergency: { actions: emergencyActions(post.emergency_actions, measures), phones: emergencyPhones(enterprise.emergency_phone) },
    footer: enterprise.card_footer ?? null,
    version: latest(post.updated_at, post.emergency_updated_at, riskChange),
  };
}

/** Key measures for a board: the first three by hierarchy (eliminate first), emergency ones aside. */
function keyMeasures(measures: MeasureRow[], riskId: string): string[] {
  return measures
    .filter((m) => m.risk_id === riskId && m.type !== 'emergency')
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.position - b.position)
    .slice(0, 3)
    .map((m) => m.text);
}

/** 风险公告栏: only areas holding a 较大 or 重大 risk need one (seed 001 Art. 11). */
export async function getNoticeBoard(deps: AppDeps, enterpriseId: string, areaId: string): Promise<NoticeBoard> {
  const enterprise = await enterpriseHeader(deps, enterpriseId);
  const area = await repo.findArea(deps.db, enterpriseId, areaId);
  if (!area) throw notFound('area');
  if (area.archived_at) throw new AppError('ARCHIVED', { entity: 'area' });
  const rows = await repo.listPublishedRisksOfArea(deps.db, enterpriseId, areaId);
  const risks = rows.flatMap((r) => (isRiskLevel(r.level) ? [{ ...r, level: r.level as RiskLevel }] : []));
  const level = highestLevel(risks.map((r) => r.level));
  if (!level || compareLevels(level, 'significant') < 0) throw new AppError('NOTICE_BOARD_NOT_REQUIRED');
  risks.sort((a, b) => compareLevels(b.level, a.level));
  const measures = await repo.listLiveMeasuresOfRisks(deps.db, enterpriseId, risks.map((r) => r.id));
  const people = [...new Set(risks.flatMap((r) => (r.person_name ? [r.person_name] : [])))];
  return {
    enterprise: { id: enterprise.id, name: enterprise.name },
    area: { id: area.id, name: area.name, description: area.description },
    level,
    colour: levelColour(level),
    risks: risks.map((r) => ({
      id: r.id,
      postName: r.post_name,
      objectName: r.object_name,
      level: r.level,
      colour: levelColour(r.level),
      accidentTypes: accidentTypeLabels(parseCodes(r.accident_type_codes)),
      keyMeasures: keyMeasures(measures, r.id),
      controlTier: r.control_tier as NoticeBoard['risks'][number]['controlTier'],
      responsiblePerson: r.person_name ?? null,
    })),
    responsiblePeople: people,
    emergency: { actions: emergencyActions(null, measures), phones: emergencyPhones(enterprise.emergency_phone) },
    footer: enterprise.card_footer ?? null,
    version: latest(area.updated_at, ...risks.map((r) => r.updated_at)),
  };
}

/** The post is looked up before the body is read: another enterprise's post is 404 whatever is sent. */
export async function setPostEmergencyActions(deps: AppDeps, actor: PublicationActor, postId: string, body: unknown, locale: Locale) {
  const found = await repo.findPostForCard(deps.db, actor.enterpriseId, postId);
  if (!found) throw notFound('post');
  const input: PostEmergencyInput = parseOrThrow(postEmergencyInputSchema, body ?? {}, locale);
  return withTransaction(deps.db, async (trx) => {
    const post = await repo.findPostForCard(trx, actor.enterpriseId, postId);
    if (!post) throw notFound('post');
    if (post.archived_at) throw new AppError('ARCHIVED', { entity: 'post' });
    const at = deps.clock.now();
    await repo.upsertPostEmergencyActions(trx, actor.enterpriseId, postId, input.emergencyActions, at.toISOString());
    await recordChange(trx, actor, at, {
      entity: 'post',
      entityId: postId,
      action: 'update_emergency_actions',
      before: { emergencyActions: post.emergency_actions ?? null },
      after: { emergencyActions: input.emergencyActions },
    });
    return { emergencyActions: input.emergencyActions };
  });
}

export async function getPublicationSettings(deps: AppDeps, enterpriseId: string) {
  const e = await enterpriseHeader(deps, enterpriseId);
  return { emergencyPhone: e.emergency_phone ?? null, cardFooter: e.card_footer ?? null };
}

/** Emergency phone and card footer (issue 8 §6); a field left out keeps its value. */
export async function setPublicationSettings(deps: AppDeps, actor: PublicationActor, input: PublicationSettingsInput) {
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findEnterpriseHeader(trx, actor.enterpriseId);
    const before = { emergencyPhone: row?.emergency_phone ?? null, cardFooter: row?.card_footer ?? null };
    const after = { emergencyPhone: input.emergencyPhone, cardFooter: input.cardFooter === undefined ? before.cardFooter : input.cardFooter };
    const at = deps.clock.now();
    await repo.upsertPublicationSettings(trx, actor.enterpriseId, after, at.toISOString());
    await recordChange(trx, actor, at, { entity: 'enterprise', entityId: actor.enterpriseId, action: 'update_publication_settings', before, after });
    return after;
  });
}
