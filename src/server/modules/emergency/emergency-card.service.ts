/* A post's emergency card (一岗一卡 现场处置方案): its first steps of self and mutual rescue (seed 003
 * 重点4 "确保应急时员工能够自救与互救"), its on-site plan in force, the call tree and nearby supplies —
 * printed on one A4 page and shown on the phone's post page with tel: links. Also the plan's .docx. */
import type { AppDeps } from '../../app-deps.js';
import { fromDbBool } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { planContentLabels, planContentKeys, type PlanContentKey } from '../../../reference/emergency-plans.js';
import type { ContactDto, FirstSteps, PlanVersionDto, PostEmergencyCardDto } from '../../../schemas/emergency.js';
import { buildDocx, docField, docHeading, docParagraph, docTable, type DocBlock } from '../../platform/exports/docx-builder.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './emergency.repository.js';
import { type EmergencyActor, getPlanDetail } from './emergency-plans.service.js';

export function toContactDto(r: Awaited<ReturnType<typeof repo.listLiveContacts>>[number]): ContactDto {
  return {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    duty: r.duty,
    phone: r.phone,
    isExternal: fromDbBool(r.is_external),
    callOrder: r.call_order,
    personId: r.person_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

export const firstStepLabels: Record<keyof FirstSteps, { 'zh-CN': string; 'en-US': string }> = {
  stop: { 'zh-CN': '停', 'en-US': 'Stop' },
  alarm: { 'zh-CN': '报警', 'en-US': 'Raise the alarm' },
  isolate: { 'zh-CN': '隔离', 'en-US': 'Isolate' },
  firstAid: { 'zh-CN': '急救', 'en-US': 'First aid' },
  evacuation: { 'zh-CN': '撤离路线', 'en-US': 'Evacuation route' },
  assemblyPoint: { 'zh-CN': '集合点', 'en-US': 'Assembly point' },
};

/** A post's first steps (自救互救), or null when none were written. The quiz of "know your post" reads this. */
export async function getFirstSteps(db: Executor, enterpriseId: string, postId: string): Promise<FirstSteps | null> {
  const row = await repo.findFirstSteps(db, enterpriseId, postId);
  return row ? (JSON.parse(row.steps) as FirstSteps) : null;
}

export async function putFirstSteps(deps: AppDeps, actor: EmergencyActor, postId: string, steps: FirstSteps): Promise<FirstSteps> {
  return withTransaction(deps.db, async (trx) => {
    const post = await repo.findPost(trx, actor.enterpriseId, postId);
    if (!post) throw notFound('post');
    if (post.archived_at) throw new AppError('ARCHIVED', { entity: 'post' });
    const before = await getFirstSteps(trx, actor.enterpriseId, postId);
    const now = deps.clock.now();
    await repo.upsertFirstSteps(trx, { post_id: postId, enterprise_id: actor.enterpriseId, steps: JSON.stringify(steps), updated_by_user_id: actor.userId, updated_at: now.toISOString() });
    await recordChange(trx, actor, now, { entity: 'post_first_steps', entityId: postId, action: before ? 'update' : 'create', before, after: steps });
    return steps;
  });
}

export async function listContacts(db: Executor, enterpriseId: string): Promise<ContactDto[]> {
  return (await repo.listLiveContacts(db, enterpriseId)).map(toContactDto);
}

export async function getPostEmergencyCard(deps: AppDeps, enterpriseId: string, postId: string): Promise<PostEmergencyCardDto> {
  const post = await repo.findPost(deps.db, enterpriseId, postId);
  if (!post) throw notFound('post');
  const enterprise = await repo.findEnterprise(deps.db, enterpriseId);
  const plans = await repo.listPlans(deps.db, enterpriseId, { kind: 'onsite', postId });
  let onsitePlan: PostEmergencyCardDto['onsitePlan'] = null;
  for (const p of plans) {
    const detail = await getPlanDetail(deps.db, enterpriseId, p.id);
    if (detail.current) {
      onsitePlan = { id: p.id, title: p.title, versionNo: detail.current.versionNo, issuedOn: detail.current.issuedOn, contents: detail.current.contents };
      break;
    }
  }
  const linked = new Set(onsitePlan?.contents.supplyIds ?? []);
  const supplies = (await repo.listLiveSupplies(deps.db, enterpriseId)).filter((s) => linked.has(s.id));
  return {
    postId,
    postName: post.name,
    enterpriseName: enterprise?.name ?? '',
    firstSteps: await getFirstSteps(deps.db, enterpriseId, postId),
    onsitePlan,
    contacts: await listContacts(deps.db, enterpriseId),
    supplies: supplies.map((s) => ({ id: s.id, name: s.name, location: s.location, quantity: s.quantity, unit: s.unit })),
  };
}

const statusZh = { draft: '草稿', approved: '现行有效', superseded: '已被替代', obsolete: '已废止' } as const;
const kindZh = { comprehensive: '综合应急预案', special: '专项应急预案', onsite: '现场处置方案' } as const;

function contentBlocks(key: PlanContentKey, v: PlanVersionDto, names: Map<string, string>, supplies: Map<string, string>): DocBlock[] {
  const c = v.contents;
  const head = docHeading(planContentLabels[key]['zh-CN'], 2);
  switch (key) {
    case 'commander':
      return [head, docParagraph([c.commanderPersonId ? names.get(c.commanderPersonId) : '', c.commander].filter(Boolean).join('　') || '（未填写）')];
    case 'externalContacts':
      return [head, docTable({ columns: ['单位 / 联系人', '电话'], rows: c.externalContacts.map((x) => [x.name, x.phone]), widths: [70, 30] })];
    case 'resources':
      return [head, ...(c.supplyIds.length ? [docBullets(c.supplyIds.map((id) => supplies.get(id) ?? id))] : []), ...(c.resources ? [docParagraph(c.resources)] : [])];
    default:
      return [head, docParagraph(c[key] || '（未填写）')];
  }
}
const docBullets = (items: string[]): DocBlock => ({ kind: 'bullets', items });

/** The plan as .docx in the usual structure: cover fields, the eight contents in the seed's order, version history. */
export async function buildPlanDocx(deps: AppDeps, enterpriseId: string, planId: string, versionId?: string): Promise<Buffer> {
  const plan = await getPlanDetail(deps.db, enterpriseId, planId);
  const v = versionId ? plan.versions.find((x) => x.id === versionId) : (plan.current ?? plan.draft ?? plan.versions[0]);
  if (!v) throw notFound('emergency_plan');
  const enterprise = await repo.findEnterprise(deps.db, enterpriseId);
  const names = new Map((await repo.findPersonNames(deps.db, enterpriseId, v.contents.commanderPersonId ? [v.contents.commanderPersonId] : [])).map((p) => [p.id, p.name]));
  const supplies = new Map((await repo.listLiveSupplies(deps.db, enterpriseId)).map((s) => [s.id, `${s.name} ${s.quantity}${s.unit}（${s.location || '—'}）`]));
  return buildDocx({
    title: plan.title,
    enterpriseName: enterprise?.name ?? '',
    documentNumber: `${plan.documentNumber} 第${v.versionNo}版`,
    subtitle: `${kindZh[plan.kind]}${plan.postName ? `　岗位：${plan.postName}` : ''}`,
    blocks: [
      docField('版本状态', statusZh[v.status]),
      docField('批准人', v.approvedByName),
      docField('发布日期', v.issuedOn),
      docField('评审到期', v.reviewDueOn),
      ...(v.status === 'draft' && v.missingContents.length ? [docParagraph(`尚缺：${v.missingContents.map((k) => planContentLabels[k]['zh-CN']).join('；')}`, { bold: true })] : []),
      docHeading('一、预案内容'),
      ...planContentKeys.flatMap((k) => contentBlocks(k, v, names, supplies)),
      docHeading('二、修订记录'),
      docTable({
        columns: ['版本', '状态', '修订原因', '批准日期'],
        rows: [...plan.versions].sort((a, b) => a.versionNo - b.versionNo).map((x) => [`第${x.versionNo}版`, statusZh[x.status], x.revisionReason, x.issuedOn ?? '']),
        widths: [12, 16, 52, 20],
      }),
    ],
  });
}
