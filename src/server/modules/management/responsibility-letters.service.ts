/* The yearly 安全生产责任书 per department or post (issue 14 §2): issued by the principal, signed by the
 * holder and the issuer through the sign-off mechanism (subject 'responsibility-letter'), insert-only
 * (one per scope and year; a correction is next year's). Its text is drafted from the duty lists of
 * the post, or of the department's posts. A letter of this year asks for next year's from December. */
import { nextYearLettersDue } from '../../../domain/management/duties.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import type { LetterCreateInput, LetterDto } from '../../../schemas/duties.js';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import { type DueItem, dueStatusOf } from '../../platform/due-items/due-items.js';
import { AppError } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { allActiveExist } from '../../platform/resource/tenant-resource.repository.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import { postDutyLists } from '../risks/post-duty-list.service.js';
import { letterSubjectType } from './duties-sign-off.js';
import { enterpriseTimeZone } from './objectives.service.js';

interface Actor {
  userId: string;
  enterpriseId: string;
}

const listLetterRows = (db: Executor, enterpriseId: string, year?: number) => {
  let q = db
    .selectFrom('ohs_responsibility_letter as l')
    .innerJoin('person as h', 'h.id', 'l.holder_person_id')
    .innerJoin('person as i', 'i.id', 'l.issuer_person_id')
    .leftJoin('post as p', 'p.id', 'l.post_id')
    .leftJoin('org_unit as o', 'o.id', 'l.org_unit_id')
    .selectAll('l')
    .select(['h.name as holder_name', 'i.name as issuer_name', 'p.name as post_name', 'o.name as org_name'])
    .where('l.enterprise_id', '=', enterpriseId);
  if (year !== undefined) q = q.where('l.year', '=', year);
  return q.orderBy('l.year', 'desc').orderBy('l.created_at').orderBy('l.id').limit(500).execute();
};

export async function listLetters(db: Executor, enterpriseId: string, year?: number): Promise<LetterDto[]> {
  const rows = await listLetterRows(db, enterpriseId, year);
  const out: LetterDto[] = [];
  for (const r of rows) {
    const signed = currentSignatures(await listSignOffs(db, enterpriseId, letterSubjectType, r.id), '1');
    out.push({
      id: r.id,
      year: r.year,
      orgUnitId: r.org_unit_id,
      postId: r.post_id,
      scopeName: r.post_name ?? r.org_name ?? '',
      holderPersonId: r.holder_person_id,
      holderName: r.holder_name,
      issuerPersonId: r.issuer_person_id,
      issuerName: r.issuer_name,
      text: r.text,
      signedBy: (['issuer', 'holder'] as const).filter((role) => signed.some((s) => s.role === role && s.personId === (role === 'holder' ? r.holder_person_id : r.issuer_person_id))),
      createdAt: r.created_at,
    });
  }
  return out;
}

async function draftLetter(db: Executor, enterpriseId: string, input: LetterCreateInput, scopeName: string): Promise<string> {
  const postIds = input.postId
    ? [input.postId]
    : (await db.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).where('org_unit_id', '=', input.orgUnitId as string).where('archived_at', 'is', null).execute()).map((p) => p.id);
  const lists = await postDutyLists(db, enterpriseId, postIds);
  const duties = lists.flatMap((l) => (l.items.length ? [`【${l.postName}】`, ...l.items.map((it, i) => `${i + 1}. ${it.text}`)] : []));
  return [
    `${input.year} 年度安全生产责任书（${scopeName}）`,
    `为落实安全生产责任制，主要负责人与${scopeName}责任人签订本责任书，有效期自 ${input.year} 年 1 月 1 日至 ${input.year} 年 12 月 31 日。`,
    '一、安全生产责任',
    ...(duties.length ? duties : ['（本岗位/部门的安全生产责任清单尚未填写）']),
    '二、考核：责任落实情况纳入年度考核，发生责任事故的按规定追究责任。',
  ].join('\n');
}

export async function createLetter(deps: AppDeps, actor: Actor, input: LetterCreateInput): Promise<LetterDto> {
  return withTransaction(deps.db, async (trx) => {
    if (input.postId && !(await allActiveExist(trx, 'post', actor.enterpriseId, [input.postId]))) throw referenceMissing('postId');
    if (input.orgUnitId && !(await allActiveExist(trx, 'org_unit', actor.enterpriseId, [input.orgUnitId]))) throw referenceMissing('orgUnitId');
    for (const [field, id] of [['holderPersonId', input.holderPersonId], ['issuerPersonId', input.issuerPersonId]] as const) {
      if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [id]))) throw referenceMissing(field);
    }
    const scopeKey = input.postId ? `post:${input.postId}` : `org:${input.orgUnitId}`;
    const scopeName = input.postId
      ? ((await trx.selectFrom('post').select('name').where('id', '=', input.postId).executeTakeFirst())?.name ?? '')
      : ((await trx.selectFrom('org_unit').select('name').where('id', '=', input.orgUnitId as string).executeTakeFirst())?.name ?? '');
    const id = newId();
    const text = input.text || (await draftLetter(trx, actor.enterpriseId, input, scopeName));
    const res = await trx
      .insertInto('ohs_responsibility_letter')
      .values({ id, enterprise_id: actor.enterpriseId, year: input.year, scope_key: scopeKey, org_unit_id: input.orgUnitId, post_id: input.postId, holder_person_id: input.holderPersonId, issuer_person_id: input.issuerPersonId, text, created_by_user_id: actor.userId, created_at: deps.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['enterprise_id', 'year', 'scope_key']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) {
      throw new AppError('CONFLICT', { detail: `${input.year} ${scopeName}` }, [
        { path: input.postId ? 'postId' : 'orgUnitId', message: { 'zh-CN': `${scopeName} 已有 ${input.year} 年度责任书`, 'en-US': `${scopeName} already has a letter for ${input.year}` } },
      ]);
    }
    await recordChange(trx, actor, deps.clock.now(), { entity: 'ohs_responsibility_letter', entityId: id, action: 'create', after: { ...input, text } });
    const [dto] = (await listLetters(trx, actor.enterpriseId, input.year)).filter((l) => l.id === id);
    return dto as LetterDto;
  });
}

/** Next year's letters, due from 1 December (enterprise-local) for each scope holding this year's. */
export async function letterDueItems(deps: AppDeps, enterpriseId: string): Promise<DueItem[]> {
  const now = deps.clock.now();
  const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
  const today = localDateOf(now, timeZone);
  const rows = await listLetterRows(deps.db, enterpriseId);
  return nextYearLettersDue(rows.map((r) => ({ year: r.year, scopeKey: r.scope_key })), today).map((d) => {
    const r = rows.find((x) => x.scope_key === d.scopeKey && x.year === d.year - 1)!;
    const scope = r.post_name ?? r.org_name ?? '';
    const dueAt = startOfLocalDay(`${d.year}-01-01`, timeZone);
    return {
      kind: 'management.responsibilityLetter',
      title: { 'zh-CN': `签订 ${d.year} 年度安全生产责任书：${scope}`, 'en-US': `Sign the ${d.year} responsibility letter: ${scope}` },
      dueAt,
      status: dueStatusOf(dueAt, false, now),
      ownerPersonId: r.issuer_person_id,
      link: '/management/duties',
      sourceRef: `ohs_responsibility_letter:${d.scopeKey}:${d.year}`,
    };
  });
}
