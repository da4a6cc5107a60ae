/* Participation and communication (参与和交流, issue 14 §9, seed 000 三(三)): the communication plan's
 * channels (generic resource), meetings — safety meetings, 班前会, consultations with workers'
 * representatives — kept as insert-only records whose attendance is signed through the sign-off
 * mechanism (subject 'meeting'), and the decisions they take as actions with owner and deadline
 * (due items until done). */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { afterKey } from '../../db/keyset.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { actionDoneSchema, type ChannelDto, channelCreateSchema, channelListQuerySchema, channelSchema, channelUpdateSchema, type MeetingDto, meetingInputSchema, type meetingListQuerySchema } from '../../../schemas/communication.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { allActiveExist, type Row } from '../../platform/resource/tenant-resource.repository.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';

export const meetingSubjectType = 'meeting';
const attendeeRole = 'attendee';

export function channelSpec(): ResourceSpec<ChannelDto, z.infer<typeof channelCreateSchema>, z.infer<typeof channelUpdateSchema>, z.infer<typeof channelListQuerySchema>> {
  return {
    table: 'comm_channel',
    path: '/api/v1/communication-channels',
    tag: 'management',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: channelCreateSchema,
    updateSchema: channelUpdateSchema,
    dtoSchema: channelSchema,
    listQuerySchema: channelListQuerySchema,
    searchColumns: ['name', 'audience'],
    filters: {},
    references: { ownerPersonId: 'person' },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.frequency !== undefined && { frequency: input.frequency }),
      ...(input.audience !== undefined && { audience: input.audience }),
      ...(input.ownerPersonId !== undefined && { owner_person_id: input.ownerPersonId }),
    }),
    toDtos: async (_db, _e, rows: Row[]) =>
      rows.map((r) => ({
        id: r.id,
        name: r.name as string,
        kind: r.kind as ChannelDto['kind'],
        frequency: r.frequency as string,
        audience: r.audience as string,
        ownerPersonId: r.owner_person_id as string | null,
        createdAt: r.created_at,
        updatedAt: r.updated_at as string,
        archivedAt: r.archived_at,
      })),
  };
}

const findMeeting = (db: Executor, enterpriseId: string, id: string) => db.selectFrom('meeting').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

async function toDtos(db: Executor, enterpriseId: string, rows: MeetingRow[]): Promise<MeetingDto[]> {
  const ids = rows.map((r) => r.id);
  const [attendees, actions] = ids.length
    ? await Promise.all([
        db.selectFrom('meeting_attendee').select(['meeting_id', 'person_id']).where('enterprise_id', '=', enterpriseId).where('meeting_id', 'in', ids).execute(),
        db.selectFrom('meeting_action').selectAll().where('enterprise_id', '=', enterpriseId).where('meeting_id', 'in', ids).orderBy('created_at').orderBy('id').execute(),
      ])
    : [[], []];
  const out: MeetingDto[] = [];
  for (const r of rows) {
    const signed = currentSignatures(await listSignOffs(db, enterpriseId, meetingSubjectType, r.id), '').filter((s) => s.role === attendeeRole).map((s) => s.personId);
    out.push({
      id: r.id,
      kind: r.kind as MeetingDto['kind'],
      name: r.name,
      heldOn: r.held_on,
      chairPersonId: r.chair_person_id,
      channelId: r.channel_id,
      representatives: r.representatives,
      minutes: r.minutes,
      attendeePersonIds: attendees.filter((a) => a.meeting_id === r.id).map((a) => a.person_id),
      signedPersonIds: signed,
      actions: actions.filter((a) => a.meeting_id === r.id).map((a) => ({ id: a.id, text: a.text, ownerPersonId: a.owner_person_id, deadline: a.deadline, doneAt: a.done_at, doneNote: a.done_note })),
      createdAt: r.created_at,
    });
  }
  return out;
}

export async function getMeeting(deps: AppDeps, enterpriseId: string, id: string): Promise<MeetingDto> {
  const row = await findMeeting(deps.db, enterpriseId, id);
  if (!row) throw notFound('meeting');
  return (await toDtos(deps.db, enterpriseId, [row]))[0] as MeetingDto;
}

/** One page of meetings, newest entry first (an index range: meeting_enterprise_idx, or meeting_kind_page_idx by kind). */
export function listMeetingRows(db: Executor, enterpriseId: string, q: { kind?: string; after?: { at: string; id: string }; limit: number }) {
  let query = db.selectFrom('meeting').selectAll().where('enterprise_id', '=', enterpriseId);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.after) query = query.where(afterKey('created_at', 'id', q.after, 'desc'));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
}

export async function listMeetings(deps: AppDeps, enterpriseId: string, q: z.infer<typeof meetingListQuerySchema>) {
  const rows = await listMeetingRows(deps.db, enterpriseId, { kind: q.kind, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await toDtos(deps.db, enterpriseId, page.items), nextCursor: page.nextCursor };
}

/** Records a meeting held, its attendees (who then sign) and its decisions as actions; one transaction. */
export async function addMeeting(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: z.infer<typeof meetingInputSchema>): Promise<MeetingDto> {
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    const e = actor.enterpriseId;
    if (input.chairPersonId && !(await allActiveExist(trx, 'person', e, [input.chairPersonId]))) throw referenceMissing('chairPersonId');
    if (input.channelId && !(await allActiveExist(trx, 'comm_channel', e, [input.channelId]))) throw referenceMissing('channelId');
    if (!(await allActiveExist(trx, 'person', e, input.attendeePersonIds))) throw referenceMissing('attendeePersonIds');
    for (const [i, d] of input.decisions.entries()) if (!(await allActiveExist(trx, 'person', e, [d.ownerPersonId]))) throw referenceMissing(`decisions.${i}.ownerPersonId`);
    const now = deps.clock.now();
    const at = now.toISOString();
    await trx.insertInto('meeting').values({ id, enterprise_id: e, kind: input.kind, name: input.name, held_on: input.heldOn, chair_person_id: input.chairPersonId, channel_id: input.channelId, representatives: input.representatives, minutes: input.minutes, recorded_by_user_id: actor.userId, created_at: at }).execute();
    const people = [...new Set(input.attendeePersonIds)];
    if (people.length) await trx.insertInto('meeting_attendee').values(people.map((person_id) => ({ enterprise_id: e, meeting_id: id, person_id }))).execute();
    if (input.decisions.length) await trx.insertInto('meeting_action').values(input.decisions.map((d) => ({ id: newId(), enterprise_id: e, meeting_id: id, text: d.text, owner_person_id: d.ownerPersonId, deadline: d.deadline, done_at: null, done_note: '', created_at: at }))).execute();
    await recordChange(trx, actor, now, { entity: 'meeting', entityId: id, action: 'create', after: input });
  });
  return getMeeting(deps, actor.enterpriseId, id);
}

/** Marks one of the meeting's actions done (once); the meeting is checked first, so another enterprise's is a 404. */
export async function markActionDone(deps: AppDeps, actor: { userId: string; enterpriseId: string }, meetingId: string, input: z.infer<typeof actionDoneSchema>): Promise<MeetingDto> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await findMeeting(trx, actor.enterpriseId, meetingId))) throw notFound('meeting');
    const action = await trx.selectFrom('meeting_action').selectAll().where('enterprise_id', '=', actor.enterpriseId).where('meeting_id', '=', meetingId).where('id', '=', input.actionId).executeTakeFirst();
    if (!action) throw referenceMissing('actionId');
    if (action.done_at) throw new AppError('RECORD_WRONG_STATE', { entity: 'meeting_action', reasonZh: '该事项已完成', reasonEn: 'the action is already done' });
    const now = deps.clock.now();
    const updated = await trx.updateTable('meeting_action').set({ done_at: now.toISOString(), done_note: input.note }).where('id', '=', action.id).where('done_at', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('RECORD_WRONG_STATE', { entity: 'meeting_action', reasonZh: '该事项已完成', reasonEn: 'the action is already done' });
    await recordChange(trx, actor, now, { entity: 'meeting_action', entityId: action.id, action: 'done', before: { doneAt: null }, after: { doneAt: now.toISOString(), note: input.note } });
  });
  return getMeeting(deps, actor.enterpriseId, meetingId);
}

/** DESIGN "Due items": each open meeting action, due at the end of its deadline day, for its owner. */
export const communicationDueItemProvider: DueItemProvider = {
  feature: 'communication',
  notifyDaysBefore: 3,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = (await deps.db.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
    const rows = await deps.db
      .selectFrom('meeting_action as a')
      .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
      .select(['a.id', 'a.text', 'a.owner_person_id', 'a.deadline', 'm.id as meeting_id', 'm.name as meeting_name'])
      .where('a.enterprise_id', '=', enterpriseId)
      .where('a.done_at', 'is', null)
      .execute();
    return rows.map((a) => {
      const dueAt = endOfLocalDay(a.deadline, tz);
      return {
        kind: 'communication.meetingAction',
        title: { 'zh-CN': `会议决定事项：${a.text}（${a.meeting_name}）`, 'en-US': `Meeting action: ${a.text} (${a.meeting_name})` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: a.owner_person_id,
        link: '/operations/meetings',
        sourceRef: `meeting_action:${a.id}`,
      };
    });
  },
};

registerSignOffSubject({
  type: meetingSubjectType,
  entity: 'meeting',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await findMeeting(db, enterpriseId, subjectId);
    if (!row) return null;
    const attendees = await db.selectFrom('meeting_attendee').select('person_id').where('enterprise_id', '=', enterpriseId).where('meeting_id', '=', row.id).execute();
    return {
      title: `${row.held_on} ${row.name}`,
      revision: '',
      isOpen: true,
      closedReason: null,
      expected: attendees.map((a) => ({
        personId: a.person_id,
        role: attendeeRole,
        roleLabel: { 'zh-CN': '参会人', 'en-US': 'Attendee' },
        statement: { 'zh-CN': `本人参加了“${row.name}”（${row.held_on}），知悉会议内容和决定。`, 'en-US': `I attended "${row.name}" (${row.held_on}) and know what was decided.` },
      })),
    };
  },
});

/**
 * Indicator of consultation with workers for a period of local days (the management review's
 * "员工建议" input): consultations (员工协商) held, the measures decided at them and how many are done.
 */
export async function consultationIndicators(db: Executor, enterpriseId: string, period: { since: string; until: string }): Promise<{ consultations: number; actions: number; actionsDone: number }> {
  const held = db
    .selectFrom('meeting')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', 'consultation')
    .where('held_on', '>=', period.since)
    .where('held_on', '<=', period.until);
  const [meetings, actions] = await Promise.all([
    held.execute(),
    db
      .selectFrom('meeting_action')
      .where('enterprise_id', '=', enterpriseId)
      .where('meeting_id', 'in', held)
      .select((eb) => [eb.fn.countAll<number>().as('actions'), eb.fn.count<number>('done_at').as('done')])
      .executeTakeFirst(),
  ]);
  return { consultations: meetings.length, actions: Number(actions?.actions ?? 0), actionsDone: Number(actions?.done ?? 0) };
}
