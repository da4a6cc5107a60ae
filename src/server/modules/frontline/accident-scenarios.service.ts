/* 岗位"事故假想" (seed 003 附件1; issue 11 §2): one sheet per front-line post and year, pre-filled
 * from the post's risks and emergency actions (domain/frontline/accident-scenario.ts), completed
 * and signed by the post's workers, reviewed by the team leader — both through the one sign-off
 * mechanism (subject 'accident-scenario', registered in accident-scenario-sign-off.ts). A save
 * bumps the revision, so the signatures of an older content stop counting. An improvement item
 * becomes a hazard with one tap (idempotent per item text). */
import { createHash } from 'node:crypto';
import { accidentScenarioStatus, type AccidentScenarioContent, prefillAccidentScenario } from '../../../domain/frontline/accident-scenario.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import type { Locale } from '../../../i18n/locale.js';
import { henanAccidentTypes } from '../../../reference/accident-types.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type {
  AccidentScenarioCreateInput,
  AccidentScenarioDetail,
  AccidentScenarioList,
  AccidentScenarioSummary,
  AccidentScenarioUpdateInput,
} from '../../../schemas/accident-scenarios.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import type { AccidentScenarioTable } from '../../db/database.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../platform/exports/xlsx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import { createHazardInTransaction } from '../hazards/hazard-intake.service.js';
import { listLiveMeasuresOfRisks, listPublishedRisksOfPost } from '../publication/publication.repository.js';
import * as repo from './accident-scenarios.repository.js';

export const scenarioSubjectType = 'accident-scenario';
/** Who reviews and turns improvement items into hazards. */
export const scenarioManagerRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader'] as const satisfies readonly EnterpriseRole[];
/** Who may start and edit a sheet: managers, and the post's own workers. */
export const scenarioEditorRoles = [...scenarioManagerRoles, 'worker'] as const satisfies readonly EnterpriseRole[];

/** The seed's row titles (附件1), exactly as printed. */
export const scenarioRowTitles = {
  title: '一线岗位安全风险事故假想参考表',
  accidentTypes: '常见事故类型',
  scenes: '最易发生事故场景',
  checks: '防范检查要求',
  emergency: '紧急应对措施',
  improvements: '存在问题改进措施',
} as const;

const firstStepLabels = [
  ['stop', '停'],
  ['alarm', '报警'],
  ['isolate', '隔离'],
  ['firstAid', '急救'],
  ['evacuation', '撤离路线'],
  ['assemblyPoint', '集合点'],
] as const;

export interface ScenarioActor {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

/** The calendar year in the enterprise's (China's) time. */
export const yearOf = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();

export function contentOf(row: AccidentScenarioTable): AccidentScenarioContent {
  return {
    accidentSeqs: fromDbJson<number[]>(row.accident_seqs) ?? [],
    scenes: row.scenes,
    checks: row.checks,
    emergency: row.emergency,
    improvements: fromDbJson<string[]>(row.improvements) ?? [],
  };
}

/** The post's workers (they sign) and reviewers (its team leaders; without one, the safety managers and principal). */
export async function scenarioPeople(db: Executor, enterpriseId: string, post: { id: string; org_unit_id: string | null }) {
  const workers = (await repo.listPostWorkers(db, enterpriseId, [post.id])).map((p) => ({ id: p.id, name: p.name }));
  let reviewers = await repo.findLeadersOfPost(db, enterpriseId, post, ['team_leader']);
  if (reviewers.length === 0) reviewers = await repo.findPeopleWithRoles(db, enterpriseId, ['safety_manager', 'principal']);
  return { workers, reviewers: reviewers.map((p) => ({ id: p.id, name: p.name })) };
}

async function callerPersonId(db: Executor, actor: ScenarioActor): Promise<string | null> {
  const r = await db.selectFrom('membership').select('person_id').where('enterprise_id', '=', actor.enterpriseId).where('user_id', '=', actor.userId).executeTakeFirst();
  return r?.person_id ?? null;
}

/** A worker edits only the sheet of a post they work on; managers edit any. */
async function requireEditor(db: Executor, actor: ScenarioActor, postId: string): Promise<void> {
  if ((scenarioManagerRoles as readonly string[]).includes(actor.role)) return;
  const me = await callerPersonId(db, actor);
  const onPost = me ? (await repo.listPostWorkers(db, actor.enterpriseId, [postId])).some((p) => p.id === me) : false;
  if (!onPost) throw new AppError('FORBIDDEN');
}

async function getRow(db: Executor, enterpriseId: string, id: string): Promise<AccidentScenarioTable> {
  const row = await repo.findScenario(db, enterpriseId, id);
  if (!row) throw notFound('accident_scenario');
  return row;
}

export async function findScenarioForRequest(deps: AppDeps, enterpriseId: string, id: string): Promise<void> {
  await getRow(deps.db, enterpriseId, id);
}

async function summaryOf(db: Executor, row: AccidentScenarioTable, workers: readonly { id: string }[]): Promise<AccidentScenarioSummary & { signed: Map<string, string>; reviewed: { personId: string; signedAt: string } | null }> {
  const entries = await listSignOffs(db, row.enterprise_id, scenarioSubjectType, row.id, String(row.revision));
  const current = currentSignatures(entries, String(row.revision));
  const signed = new Map(current.filter((s) => s.role === 'worker').map((s) => [s.personId, s.signedAt]));
  const review = current.find((s) => s.role === 'review') ?? null;
  const workerIds = workers.map((w) => w.id);
  const status = accidentScenarioStatus({ workerIds, signedWorkerIds: new Set(signed.keys()), isReviewed: review !== null });
  return {
    id: row.id,
    postId: row.post_id,
    year: row.year,
    revision: row.revision,
    status,
    workerCount: workerIds.length,
    signedCount: workerIds.filter((id) => signed.has(id)).length,
    updatedAt: row.updated_at,
    signed,
    reviewed: review ? { personId: review.personId, signedAt: review.signedAt } : null,
  };
}

const improvementClientId = (scenarioId: string, text: string) => `accident-scenario-${scenarioId}-${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;

export async function listScenarios(deps: AppDeps, enterpriseId: string, query: { year?: number; postId?: string }): Promise<AccidentScenarioList> {
  const year = query.year ?? yearOf(deps.clock.now());
  const posts = await repo.listFrontLinePosts(deps.db, enterpriseId, query.postId);
  const rows = new Map((await repo.listScenariosOfYear(deps.db, enterpriseId, year)).map((r) => [r.post_id, r]));
  const workers = await repo.listPostWorkers(deps.db, enterpriseId, posts.map((p) => p.id));
  const items = [];
  for (const p of posts) {
    const row = rows.get(p.id);
    const s = row ? await summaryOf(deps.db, row, workers.filter((w) => w.post_id === p.id)) : null;
    items.push({
      postId: p.id,
      postName: p.name,
      orgUnitName: p.org_unit_name ?? null,
      scenario: s ? { id: s.id, postId: s.postId, year: s.year, revision: s.revision, status: s.status, workerCount: s.workerCount, signedCount: s.signedCount, updatedAt: s.updatedAt } : null,
    });
  }
  return { year, items };
}

export async function getScenarioDetail(deps: AppDeps, enterpriseId: string, id: string, db: Executor = deps.db): Promise<AccidentScenarioDetail> {
  const row = await getRow(db, enterpriseId, id);
  const post = await repo.findPostWithUnit(db, enterpriseId, row.post_id);
  if (!post) throw notFound('post');
  const { workers, reviewers } = await scenarioPeople(db, enterpriseId, post);
  const s = await summaryOf(db, row, workers);
  const content = contentOf(row);
  const hazards = new Map(
    (await repo.findHazardsByClientIds(db, enterpriseId, content.improvements.map((text) => improvementClientId(row.id, text)))).map((h) => [h.client_id, h.id]),
  );
  const reviewerName = s.reviewed ? ((await db.selectFrom('person').select('name').where('enterprise_id', '=', enterpriseId).where('id', '=', s.reviewed.personId).executeTakeFirst())?.name ?? '-') : null;
  return {
    id: row.id,
    postId: row.post_id,
    year: row.year,
    revision: row.revision,
    status: s.status,
    workerCount: s.workerCount,
    signedCount: s.signedCount,
    updatedAt: row.updated_at,
    postName: post.name,
    orgUnitName: post.org_unit_name ?? null,
    enterpriseName: (await repo.findEnterpriseName(db, enterpriseId))?.name ?? '',
    ...content,
    improvements: content.improvements.map((text, index) => ({ index, text, hazardId: hazards.get(improvementClientId(row.id, text)) ?? null })),
    workers: workers.map((w) => ({ ...w, signedAt: s.signed.get(w.id) ?? null })),
    reviewers,
    reviewedBy: s.reviewed && reviewerName !== null ? { id: s.reviewed.personId, name: reviewerName, signedAt: s.reviewed.signedAt } : null,
  };
}

/** Starts a post's sheet of a year, pre-filled; a second start of the same post and year is a 409. */
export async function createScenario(deps: AppDeps, actor: ScenarioActor, input: AccidentScenarioCreateInput): Promise<AccidentScenarioDetail> {
  const now = deps.clock.now();
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const post = await repo.findPostWithUnit(trx, actor.enterpriseId, input.postId);
    if (!post || post.archived_at) throw referenceMissing('postId');
    if (post.kind !== 'operation') throw fieldError('postId', { 'zh-CN': '事故假想只针对一线操作岗位', 'en-US': 'Accident scenarios are kept for front-line (operation) posts only' });
    await requireEditor(trx, actor, post.id);
    const risks = await listPublishedRisksOfPost(trx, actor.enterpriseId, post.id);
    const measures = await listLiveMeasuresOfRisks(trx, actor.enterpriseId, risks.map((r) => r.id));
    const emergency = await repo.findPostEmergency(trx, actor.enterpriseId, post.id);
    const steps = fromDbJson<Record<string, string>>(emergency.steps) ?? {};
    const content = prefillAccidentScenario(
      risks.map((r) => ({
        objectName: r.object_name,
        causes: r.causes,
        accidentTypeCodes: fromDbJson<string[]>(r.accident_type_codes) ?? [],
        measures: measures.filter((m) => m.risk_id === r.id).map((m) => ({ text: m.text, phase: (m.phase as 'before' | 'during' | 'after' | null) ?? null })),
      })),
      { emergencyActions: emergency.emergencyActions, firstSteps: firstStepLabels.map(([k, label]) => ({ label, text: steps[k] ?? '' })) },
    );
    const at = now.toISOString();
    await repo.insertScenario(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      post_id: post.id,
      year: input.year,
      revision: 1,
      accident_seqs: JSON.stringify(content.accidentSeqs),
      scenes: content.scenes,
      checks: content.checks,
      emergency: content.emergency,
      improvements: JSON.stringify(content.improvements),
      created_by_user_id: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await repo.insertRevision(trx, { id: newId(), enterprise_id: actor.enterpriseId, scenario_id: id, revision: 1, content: JSON.stringify(content), edited_by_user_id: actor.userId, edited_at: at });
    await recordChange(trx, actor, now, { entity: 'accident_scenario', entityId: id, action: 'create', after: { postId: post.id, year: input.year, ...content } });
  });
  return getScenarioDetail(deps, actor.enterpriseId, id);
}

/** Saves the workers' edits as a new revision (signatures of the older one stop counting). */
export async function updateScenario(deps: AppDeps, actor: ScenarioActor, id: string, input: AccidentScenarioUpdateInput): Promise<AccidentScenarioDetail> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    await requireEditor(trx, actor, row.post_id);
    if (input.revision !== row.revision) {
      throw new AppError('CONFLICT', { detail: `revision：此表已被他人保存为第 ${row.revision} 版，请刷新后再改 / saved by someone else as revision ${row.revision}; reload first` });
    }
    const content: AccidentScenarioContent = {
      accidentSeqs: [...new Set(input.accidentSeqs)].sort((a, b) => a - b),
      scenes: input.scenes,
      checks: input.checks,
      emergency: input.emergency,
      improvements: [...new Set(input.improvements)],
    };
    const before = contentOf(row);
    const at = now.toISOString();
    const ok = await repo.updateScenarioContent(trx, actor.enterpriseId, id, row.revision, {
      accident_seqs: JSON.stringify(content.accidentSeqs),
      scenes: content.scenes,
      checks: content.checks,
      emergency: content.emergency,
      improvements: JSON.stringify(content.improvements),
      updated_at: at,
    });
    if (!ok) throw new AppError('CONFLICT', { detail: 'revision' });
    await repo.insertRevision(trx, { id: newId(), enterprise_id: actor.enterpriseId, scenario_id: id, revision: row.revision + 1, content: JSON.stringify(content), edited_by_user_id: actor.userId, edited_at: at });
    await recordChange(trx, actor, now, { entity: 'accident_scenario', entityId: id, action: 'update', before, after: content });
  });
  return getScenarioDetail(deps, actor.enterpriseId, id);
}

/** One 存在问题改进措施 item becomes a reported hazard of the post (a second tap returns the same hazard). */
export async function improvementToHazard(deps: AppDeps, actor: ScenarioActor, id: string, index: number): Promise<AccidentScenarioDetail> {
  await withTransaction(deps.db, async (trx) => {
    const row = await getRow(trx, actor.enterpriseId, id);
    const text = contentOf(row).improvements[index];
    if (text === undefined) throw fieldError('index', { 'zh-CN': '没有这一条改进措施', 'en-US': 'There is no such improvement item' });
    const post = await repo.findPostWithUnit(trx, actor.enterpriseId, row.post_id);
    const { hazardId, isNew } = await createHazardInTransaction(deps, trx, actor, {
      source: 'adhoc',
      postId: post && !post.archived_at ? row.post_id : null,
      description: `事故假想（${post?.name ?? ''}，${row.year}年）存在问题：${text}`,
      clientId: improvementClientId(row.id, text),
    });
    if (isNew) await recordChange(trx, actor, deps.clock.now(), { entity: 'accident_scenario', entityId: id, action: 'improvement_to_hazard', after: { index, text, hazardId } });
  });
  return getScenarioDetail(deps, actor.enterpriseId, id);
}

const seqLine = (seqs: readonly number[]) =>
  henanAccidentTypes
    .filter((t) => seqs.includes(t.seq))
    .map((t) => `（${t.seq}）${t.label['zh-CN']}`)
    .join('；');

/** 附件1 of every front-line post of the year as .xlsx: the seed's row titles as columns, one post a row. */
export async function buildScenarioWorkbook(deps: AppDeps, enterpriseId: string, year: number, locale: Locale): Promise<Buffer> {
  const list = await listScenarios(deps, enterpriseId, { year });
  const enterpriseName = (await repo.findEnterpriseName(deps.db, enterpriseId))?.name ?? '';
  const rows = [];
  for (const item of list.items) {
    if (!item.scenario) {
      rows.push([item.orgUnitName ?? '', item.postName, '', '', '', '', '', locale === 'zh-CN' ? '未填写' : 'not started', '']);
      continue;
    }
    const d = await getScenarioDetail(deps, enterpriseId, item.scenario.id);
    rows.push([
      item.orgUnitName ?? '',
      item.postName,
      seqLine(d.accidentSeqs),
      d.scenes,
      d.checks,
      d.emergency,
      d.improvements.map((x, i) => `${i + 1}. ${x.text}`).join('\n'),
      d.workers.map((w) => `${w.name}${w.signedAt ? '✓' : '（未签）'}`).join('、'),
      d.reviewedBy ? `${d.reviewedBy.name} ${d.reviewedBy.signedAt.slice(0, 10)}` : '',
    ]);
  }
  const book = newWorkbook();
  addTableSheet(book, {
    name: `${scenarioRowTitles.title.slice(0, 20)}${year}`,
    title: `${enterpriseName} ${scenarioRowTitles.title}（${year}年）`,
    columns: [
      { header: '班组/车间', width: 14 },
      { header: '岗位', width: 14 },
      { header: scenarioRowTitles.accidentTypes, width: 22 },
      { header: scenarioRowTitles.scenes, width: 36 },
      { header: scenarioRowTitles.checks, width: 40 },
      { header: scenarioRowTitles.emergency, width: 36 },
      { header: scenarioRowTitles.improvements, width: 30 },
      { header: '岗位人员签字', width: 20 },
      { header: '班组长审核', width: 16 },
    ],
    rows,
  });
  return workbookBuffer(book);
}
