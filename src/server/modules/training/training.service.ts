/* Training sessions and attendance (issue 12 §2). Attendance is THE sign-off mechanism: each expected
 * attendee signs the session (subject 'training-session', role 'attendee'); hours are credited to
 * the people whose signature stands. */
import { addYears, format, parseISO } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { AppDeps } from '../../app-deps.js';
import type { Executor } from '../../db/with-transaction.js';
import { withTransaction } from '../../db/with-transaction.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import type { Locale } from '../../../i18n/locale.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { getRiskCard } from '../publication/risk-card.service.js';
import { listHazards } from '../hazards/hazard-read.service.js';
import type { TrainingSessionDto, TrainingSessionInput, TrainingSessionUpdate } from '../../../schemas/training.js';
import * as repo from './training.repository.js';

export interface TrainingActor {
  userId: string;
  enterpriseId: string;
}

export const trainingSubjectType = 'training-session';
const attendeeRole = 'attendee';

/** Today's date in the enterprise's time zone. */
export async function enterpriseToday(deps: AppDeps, enterpriseId: string): Promise<{ today: string; year: number }> {
  const e = await repo.findEnterpriseIndustry(deps.db, enterpriseId);
  const today = format(new TZDate(deps.clock.now().getTime(), e.time_zone), 'yyyy-MM-dd');
  return { today, year: Number(today.slice(0, 4)) };
}

/** Who signed each session (current signatures, revocations applied), by session id. */
export async function signedAttendance(db: Executor, enterpriseId: string, sessionIds: readonly string[]) {
  const out = new Map<string, Map<string, { signedAt: string; method: string }>>();
  for (const id of sessionIds) {
    const entries = await listSignOffs(db, enterpriseId, trainingSubjectType, id);
    const signed = new Map<string, { signedAt: string; method: string }>();
    for (const e of currentSignatures(entries, '')) if (e.role === attendeeRole) signed.set(e.personId, { signedAt: e.signedAt, method: e.method });
    out.set(id, signed);
  }
  return out;
}

async function toDtos(db: Executor, enterpriseId: string, rows: repo.SessionRow[]): Promise<TrainingSessionDto[]> {
  const ids = rows.map((r) => r.id);
  const [attendees, scores, signed] = await Promise.all([repo.listAttendees(db, enterpriseId, ids), repo.listScores(db, enterpriseId, ids), signedAttendance(db, enterpriseId, ids)]);
  const scoreOf = new Map<string, number>();
  for (const s of scores) scoreOf.set(`${s.session_id}|${s.person_id}`, Number(s.score));
  return rows.map((r) => {
    const mine = signed.get(r.id) ?? new Map();
    const list = attendees
      .filter((a) => a.session_id === r.id)
      .map((a) => ({
        personId: a.person_id,
        personName: a.person_name,
        signedAt: mine.get(a.person_id)?.signedAt ?? null,
        signMethod: mine.get(a.person_id)?.method ?? null,
        score: scoreOf.get(`${r.id}|${a.person_id}`) ?? null,
      }));
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as TrainingSessionDto['kind'],
      heldOn: r.held_on,
      hours: Number(r.hours),
      trainer: r.trainer,
      audience: r.audience,
      content: r.content,
      postId: r.post_id,
      postName: r.post_name,
      status: r.status as TrainingSessionDto['status'],
      attendees: list,
      signedCount: list.filter((a) => a.signedAt).length,
      createdAt: r.created_at,
    };
  });
}

async function checkPeople(db: Executor, enterpriseId: string, personIds: readonly string[], path: string) {
  const unique = [...new Set(personIds)];
  const found = new Set((await repo.personBelongs(db, enterpriseId, unique)).map((r) => r.id));
  const index = personIds.findIndex((id) => !found.has(id));
  if (index >= 0) throw referenceMissing(`${path}.${index}`);
  return unique;
}

async function checkPost(db: Executor, enterpriseId: string, postId: string | null) {
  if (!postId) return;
  if (!(await repo.activePostExists(db, enterpriseId, postId))) throw referenceMissing('postId');
}

/** 001 Art. 19: training on the post's risks, measures, hazards found and emergency steps — drafted from the records. */
export async function draftSessionContent(deps: AppDeps, enterpriseId: string, postId: string, locale: Locale): Promise<string> {
  await checkPost(deps.db, enterpriseId, postId);
  const card = await getRiskCard(deps, enterpriseId, postId);
  const hazards = await listHazards(deps, enterpriseId, { postId, limit: 10 });
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  lines.push(zh ? `一、${card.post.name}岗位主要风险` : `1. Main risks of the post ${card.post.name}`);
  for (const r of card.risks) lines.push(`- ${r.objectName}${r.causes ? `：${r.causes}` : ''}`);
  if (card.accidentTypes.length) lines.push(zh ? `可能导致的事故类型：${card.accidentTypes.map((a) => a.label).join('、')}` : `Possible accidents: ${card.accidentTypes.map((a) => a.label).join(', ')}`);
  lines.push(zh ? '二、管控措施' : '2. Control measures');
  for (const g of card.measureGroups) for (const m of g.items) lines.push(`- ${m.text}`);
  if (hazards.items.length) {
    lines.push(zh ? '三、本岗位近期发现的隐患' : '3. Hazards found on the post recently');
    for (const h of hazards.items) lines.push(`- ${h.description}`);
  }
  lines.push(zh ? `${hazards.items.length ? '四' : '三'}、应急处置` : `${hazards.items.length ? 4 : 3}. Emergency response`);
  for (const a of card.emergency.actions) lines.push(`- ${a}`);
  return lines.join('\n');
}

export async function createSession(deps: AppDeps, actor: TrainingActor, input: TrainingSessionInput, locale: Locale): Promise<TrainingSessionDto> {
  const now = deps.clock.now().toISOString();
  const id = newId();
  await checkPost(deps.db, actor.enterpriseId, input.postId);
  const attendees = await checkPeople(deps.db, actor.enterpriseId, input.attendeePersonIds, 'attendeePersonIds');
  const content = input.content || (input.postId ? await draftSessionContent(deps, actor.enterpriseId, input.postId, locale) : '');
  await withTransaction(deps.db, async (trx) => {
    const row = {
      id,
      enterprise_id: actor.enterpriseId,
      title: input.title,
      kind: input.kind,
      held_on: input.heldOn,
      hours: input.hours,
      trainer: input.trainer,
      audience: input.audience,
      content,
      post_id: input.postId,
      status: 'planned',
      created_at: now,
      updated_at: now,
    };
    await repo.insertSession(trx, row);
    await repo.replaceAttendees(trx, actor.enterpriseId, { id, heldOn: input.heldOn }, attendees);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'training_session', entityId: id, action: 'create', after: { ...row, attendees } });
  });
  return getSession(deps, actor.enterpriseId, id);
}

export async function getSession(deps: AppDeps, enterpriseId: string, id: string): Promise<TrainingSessionDto> {
  const row = await repo.findSession(deps.db, enterpriseId, id);
  if (!row) throw notFound('training_session');
  const [dto] = await toDtos(deps.db, enterpriseId, [row]);
  return dto as TrainingSessionDto;
}

/** A page of sessions, newest first (`cursor` = the previous page's `nextCursor`). */
export async function listSessions(deps: AppDeps, enterpriseId: string, q: { year?: number; status?: string; personId?: string; limit: number; cursor?: string }) {
  const rows = await repo.listSessions(deps.db, enterpriseId, {
    from: q.year ? `${q.year}-01-01` : undefined,
    to: q.year ? `${q.year}-12-31` : undefined,
    status: q.status,
    personId: q.personId,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = toPage(rows, q.limit, (r) => ({ at: r.held_on, id: r.id }), (r) => r);
  return { items: await toDtos(deps.db, enterpriseId, page.items), nextCursor: page.nextCursor };
}

export async function updateSession(deps: AppDeps, actor: TrainingActor, id: string, input: TrainingSessionUpdate): Promise<TrainingSessionDto> {
  const before = await getSession(deps, actor.enterpriseId, id);
  // A signed person stays on the list: their signature is evidence of attendance.
  if (input.attendeePersonIds) {
    const kept = new Set(input.attendeePersonIds);
    const dropped = before.attendees.find((a) => a.signedAt && !kept.has(a.personId));
    if (dropped) {
      throw fieldError('attendeePersonIds', {
        'zh-CN': `${dropped.personName}已签到，不能从参训名单中移除`,
        'en-US': `${dropped.personName} has signed the attendance and cannot be removed`,
      });
    }
  }
  if (input.status === 'cancelled' && before.signedCount > 0) {
    throw fieldError('status', { 'zh-CN': '已有人签到的培训不能取消', 'en-US': 'A session someone has signed cannot be cancelled' });
  }
  const attendees = input.attendeePersonIds ? await checkPeople(deps.db, actor.enterpriseId, input.attendeePersonIds, 'attendeePersonIds') : null;
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const patch = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.heldOn !== undefined && { held_on: input.heldOn }),
      ...(input.hours !== undefined && { hours: input.hours }),
      ...(input.trainer !== undefined && { trainer: input.trainer }),
      ...(input.audience !== undefined && { audience: input.audience }),
      ...(input.content !== undefined && { content: input.content }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: now.toISOString(),
    };
    await repo.updateSession(trx, actor.enterpriseId, id, patch);
    if (attendees) await repo.replaceAttendees(trx, actor.enterpriseId, { id, heldOn: input.heldOn ?? before.heldOn }, attendees);
    await recordChange(trx, actor, now, { entity: 'training_session', entityId: id, action: 'update', before, after: { ...patch, ...(attendees && { attendees }) } });
  });
  return getSession(deps, actor.enterpriseId, id);
}

/** Test scores are insert-only: a corrected score is a new row and the latest counts. */
export async function recordScore(deps: AppDeps, actor: TrainingActor, sessionId: string, input: { personId: string; score: number }): Promise<TrainingSessionDto> {
  const session = await getSession(deps, actor.enterpriseId, sessionId);
  if (!session.attendees.some((a) => a.personId === input.personId)) {
    throw fieldError('personId', { 'zh-CN': '此人不在本次培训的参训名单中', 'en-US': 'This person is not on the attendance list of the session' });
  }
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    const row = { id: newId(), enterprise_id: actor.enterpriseId, session_id: sessionId, person_id: input.personId, score: input.score, recorded_by_user_id: actor.userId, recorded_at: now.toISOString() };
    await repo.insertScore(trx, row);
    await recordChange(trx, actor, now, { entity: 'training_score', entityId: row.id, action: 'create', after: row });
  });
  return getSession(deps, actor.enterpriseId, sessionId);
}

export const defaultCertificateDates = (issuedOn: string) => ({
  expiresOn: format(addYears(parseISO(issuedOn), 6), 'yyyy-MM-dd'),
  reviewDueOn: format(addYears(parseISO(issuedOn), 3), 'yyyy-MM-dd'),
});

registerSignOffSubject({
  type: trainingSubjectType,
  entity: 'training_session',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await repo.findSession(db, enterpriseId, subjectId);
    if (!row) return null;
    const attendees = await repo.listAttendees(db, enterpriseId, [row.id]);
    const isOpen = row.status !== 'cancelled';
    return {
      title: `${row.held_on} ${row.title}`,
      revision: '',
      isOpen,
      closedReason: isOpen ? null : { 'zh-CN': '培训已取消', 'en-US': 'The session was cancelled' },
      expected: attendees.map((a) => ({
        personId: a.person_id,
        role: attendeeRole,
        roleLabel: { 'zh-CN': '参训人', 'en-US': 'Attendee' },
        statement: {
          'zh-CN': `本人已参加“${row.title}”培训（${row.held_on}，${Number(row.hours)}学时），知悉培训内容。`,
          'en-US': `I attended the training "${row.title}" (${row.held_on}, ${Number(row.hours)} h) and understood its content.`,
        },
      })),
    };
  },
  // Someone signed: the session took place.
  async afterSign({ db, enterpriseId, subjectId, signOff, clock }) {
    if (signOff.action !== 'sign') return;
    await repo.markSessionHeld(db, enterpriseId, subjectId, clock.now().toISOString());
  },
});
