/* Post inspection lists (seed 001 Art. 13–14): items grouped by control measure, coverage, publication,
 * extra items for new external requirements, and edits of an item's person, period and supervisor. */
import type { AppDeps } from '../../app-deps.js';
import type { Locale } from '../../../i18n/locale.js';
import type { InspectionItemTable } from '../../db/database.js';
import { fromDbBool } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { uncoveredMeasures } from '../../../domain/inspection/coverage.js';
import type { ExtraItemInput, InspectionListDto, ItemDto, ItemUpdate } from '../../../schemas/inspections.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './inspection-lists.repository.js';

export interface InspectionActor {
  userId: string;
  enterpriseId: string;
}

export function toItemDto(r: InspectionItemTable): ItemDto {
  return {
    id: r.id,
    postId: r.post_id,
    measureId: r.measure_id,
    content: r.content,
    method: r.method as ItemDto['method'],
    period: r.period as ItemDto['period'],
    responsiblePersonId: r.responsible_person_id,
    responsibleIsPostHolders: fromDbBool(r.responsible_is_holders),
    supervisorPostId: r.supervisor_post_id,
    isActive: fromDbBool(r.is_active),
    publishedAt: r.published_at,
    hasUnpublishedChanges: hasUnpublishedChanges(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

/** What a task shows and runs: the published version of the item (seed 001 第十三条: publishing gates the work). */
export function toPublishedItemDto(r: InspectionItemTable): ItemDto {
  if (!r.published_at) return toItemDto(r);
  return toItemDto({
    ...r,
    content: r.published_content ?? r.content,
    method: r.published_method ?? r.method,
    period: r.published_period ?? r.period,
    responsible_person_id: r.published_responsible_person_id,
    supervisor_post_id: r.published_supervisor_post_id,
    published_content: r.published_content ?? r.content,
    published_method: r.published_method ?? r.method,
    published_period: r.published_period ?? r.period,
  });
}

function hasUnpublishedChanges(r: InspectionItemTable): boolean {
  if (!r.published_at) return true;
  return (
    r.published_content !== r.content ||
    r.published_method !== r.method ||
    r.published_period !== r.period ||
    r.published_responsible_person_id !== r.responsible_person_id ||
    r.published_supervisor_post_id !== r.supervisor_post_id
  );
}

async function requirePost(db: Executor, enterpriseId: string, postId: string): Promise<void> {
  if (!(await repo.isLiveRow(db, 'post', enterpriseId, postId))) throw notFound('post');
}

export async function getInspectionList(deps: AppDeps, enterpriseId: string, postId: string, db: Executor = deps.db): Promise<InspectionListDto> {
  await requirePost(db, enterpriseId, postId);
  const [measures, items, last, post] = await Promise.all([
    repo.listMeasuresOfPost(db, enterpriseId, postId),
    repo.listItemsOfPost(db, enterpriseId, postId),
    repo.findLastPublication(db, enterpriseId, postId),
    repo.findPostWithSuperior(db, enterpriseId, postId),
  ]);
  const dtos = items.map(toItemDto);
  const uncovered = uncoveredMeasures(measures, dtos);
  const withoutResponsible = dtos.filter((i) => i.isActive && i.responsiblePersonId === null && !i.responsibleIsPostHolders);
  return {
    postId,
    measures: measures.map((m) => ({ measureId: m.id, riskId: m.risk_id, text: m.text, type: m.type, items: dtos.filter((i) => i.measureId === m.id) })),
    extraItems: dtos.filter((i) => i.measureId === null),
    uncoveredMeasures: uncovered.map((m) => ({ measureId: m.id, riskId: m.risk_id, text: m.text })),
    itemsWithoutResponsible: withoutResponsible.map((i) => i.id),
    isPublishable: uncovered.length === 0 && withoutResponsible.length === 0,
    lastPublishedAt: last?.published_at ?? null,
    hasDraft: dtos.some((i) => i.isActive && i.hasUnpublishedChanges),
    superiorCheck: {
      isNeeded: post?.kind === 'operation',
      hasCheck: dtos.some((i) => i.isActive && i.supervisorPostId !== null),
      reportsToPostId: post?.reports_to_post_id ?? null,
      reportsToPostName: post?.reports_to_name ?? null,
    },
  };
}

/**
 * Seed 001 第十三条: "不应遗漏既定的管控措施" — refused while a measure has no active item — and the list
 * names who does each item: refused while an item names no person and is not marked "the post's
 * holders on duty", naming each such item. Publishing copies every active item's fields into the
 * version tasks run; until then an edit is a draft and the published version keeps running.
 */
export async function publishInspectionList(deps: AppDeps, actor: InspectionActor, postId: string, trxIn?: Executor, locale: Locale = 'zh-CN') {
  const work = async (trx: Executor) => {
    const list = await getInspectionList(deps, actor.enterpriseId, postId, trx);
    const allItems = [...list.measures.flatMap((m) => m.items), ...list.extraItems];
    if (list.uncoveredMeasures.length) {
      throw new AppError(
        'INSPECTION_LIST_INCOMPLETE',
        { count: list.uncoveredMeasures.length, measures: list.uncoveredMeasures.map((m) => m.text).join('；') },
        list.uncoveredMeasures.map((m) => ({
          path: `measures.${m.measureId}`,
          message: { 'zh-CN': `管控措施“${m.text}”没有排查项`, 'en-US': `Control measure "${m.text}" has no inspection item` },
        })),
        { uncoveredMeasures: list.uncoveredMeasures },
      );
    }
    if (list.itemsWithoutResponsible.length) {
      const items = allItems.filter((i) => list.itemsWithoutResponsible.includes(i.id));
      throw new AppError(
        'INSPECTION_LIST_NO_RESPONSIBLE',
        { count: items.length, items: items.map((i) => i.content).join('；') },
        items.map((i) => ({
          path: `items.${i.id}.responsiblePersonId`,
          message: { 'zh-CN': `排查项“${i.content}”没有责任人`, 'en-US': `Inspection item "${i.content}" has no responsible person` },
        })),
        { itemIds: items.map((i) => i.id) },
      );
    }
    const itemIds = allItems.filter((i) => i.isActive).map((i) => i.id);
    const now = deps.clock.now();
    const id = newId();
    await repo.publishItems(trx, actor.enterpriseId, postId, itemIds, now.toISOString());
    await repo.insertPublication(trx, {
      id,
      enterprise_id: actor.enterpriseId,
      post_id: postId,
      item_ids: JSON.stringify(itemIds),
      published_by_user_id: actor.userId,
      published_at: now.toISOString(),
    });
    await recordChange(trx, actor, now, { entity: 'inspection_list', entityId: postId, action: 'publish', after: { publicationId: id, itemIds } });
    // Seed 001 第十四条: published, with a warning when nobody above checks the operation post's work.
    const sc = list.superiorCheck;
    const warnings =
      sc.isNeeded && !sc.hasCheck
        ? [
            {
              code: 'noSuperiorCheck' as const,
              message:
                locale === 'en-US'
                  ? `No superior post checks this operation post's work (Art. 14)${sc.reportsToPostName ? `: add a check by ${sc.reportsToPostName}` : ': set the post it reports to and add its check'}`
                  : `没有上级岗位对本岗位作业行为的检查（第十四条）${sc.reportsToPostName ? `：可添加由“${sc.reportsToPostName}”检查的排查项` : '：请设置上级岗位并添加其检查项'}`,
              reportsToPostId: sc.reportsToPostId,
            },
          ]
        : [];
    return { id, postId, itemCount: itemIds.length, publishedAt: now.toISOString(), warnings };
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}

async function checkPeople(trx: Executor, enterpriseId: string, input: { responsiblePersonId?: string | null; supervisorPostId?: string | null }) {
  if (input.responsiblePersonId && !(await repo.isLiveRow(trx, 'person', enterpriseId, input.responsiblePersonId))) {
    throw referenceMissing('responsiblePersonId');
  }
  if (input.supervisorPostId && !(await repo.isLiveRow(trx, 'post', enterpriseId, input.supervisorPostId))) {
    throw referenceMissing('supervisorPostId');
  }
}

/** `trxIn`: another feature's transaction (e.g. an emergency supply creating its check item). */
export async function createExtraItem(deps: AppDeps, actor: InspectionActor, input: ExtraItemInput, trxIn?: Executor): Promise<ItemDto> {
  const now = deps.clock.now().toISOString();
  const row: InspectionItemTable = {
    id: newId(),
    enterprise_id: actor.enterpriseId,
    post_id: input.postId,
    measure_id: input.measureId,
    content: input.content,
    method: input.method,
    period: input.period,
    responsible_person_id: input.responsiblePersonId,
    supervisor_post_id: input.supervisorPostId,
    is_active: 1,
    template_ref: null,
    responsible_is_holders: input.responsibleIsPostHolders ? 1 : 0,
    // A new item is a draft: tasks run it once the post's list is published (seed 001 第十三条).
    published_content: null,
    published_method: null,
    published_period: null,
    published_responsible_person_id: null,
    published_supervisor_post_id: null,
    published_at: null,
    created_at: now,
    updated_at: now,
    archived_at: null,
  };
  const work = async (trx: Executor) => {
    if (!(await repo.isLiveRow(trx, 'post', actor.enterpriseId, input.postId))) throw referenceMissing('postId');
    if (input.measureId && !(await repo.findMeasureOfPost(trx, actor.enterpriseId, input.postId, input.measureId))) {
      throw referenceMissing('measureId');
    }
    await checkPeople(trx, actor.enterpriseId, input);
    await repo.insertItem(trx, row);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'inspection_item', entityId: row.id, action: 'create', after: toItemDto(row) });
  };
  await (trxIn ? work(trxIn) : withTransaction(deps.db, work));
  return toItemDto(row);
}

export async function getItem(deps: AppDeps, enterpriseId: string, id: string, exec: Executor = deps.db): Promise<ItemDto> {
  const row = await repo.findItem(exec, enterpriseId, id);
  if (!row) throw notFound('inspection_item');
  return toItemDto(row);
}

export async function updateItem(deps: AppDeps, actor: InspectionActor, id: string, input: ItemUpdate, trxIn?: Executor): Promise<ItemDto> {
  const work = async (trx: Executor) => {
    const before = await repo.findItem(trx, actor.enterpriseId, id);
    if (!before) throw notFound('inspection_item');
    if (before.archived_at) throw new AppError('ARCHIVED', { entity: 'inspection_item' });
    await checkPeople(trx, actor.enterpriseId, input);
    const now = deps.clock.now();
    const patch: Partial<InspectionItemTable> = {
      ...(input.content !== undefined && { content: input.content }),
      ...(input.method !== undefined && { method: input.method }),
      ...(input.period !== undefined && { period: input.period }),
      ...(input.responsiblePersonId !== undefined && { responsible_person_id: input.responsiblePersonId }),
      ...(input.responsibleIsPostHolders !== undefined && { responsible_is_holders: input.responsibleIsPostHolders ? 1 : 0 }),
      ...(input.supervisorPostId !== undefined && { supervisor_post_id: input.supervisorPostId }),
      updated_at: now.toISOString(),
    };
    await repo.updateItem(trx, actor.enterpriseId, id, patch);
    const after = { ...before, ...patch };
    await recordChange(trx, actor, now, { entity: 'inspection_item', entityId: id, action: 'update', before: toItemDto(before), after: toItemDto(after) });
    return toItemDto(after);
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}

/** Archiving keeps the item (records point at it) but takes it out of lists and future tasks. */
export async function archiveItem(deps: AppDeps, actor: InspectionActor, id: string, trxIn?: Executor): Promise<ItemDto> {
  const work = async (trx: Executor) => {
    const before = await repo.findItem(trx, actor.enterpriseId, id);
    if (!before) throw notFound('inspection_item');
    if (before.archived_at) return toItemDto(before);
    const now = deps.clock.now().toISOString();
    const patch = { is_active: 0, archived_at: now, updated_at: now };
    await repo.updateItem(trx, actor.enterpriseId, id, patch);
    await recordChange(trx, actor, deps.clock.now(), { entity: 'inspection_item', entityId: id, action: 'archive', before: toItemDto(before) });
    return toItemDto({ ...before, ...patch });
  };
  return trxIn ? work(trxIn) : withTransaction(deps.db, work);
}

/** Live posts whose inspection list was never published (the onboarding checklist reads this). */
export function postsWithoutPublishedList(deps: AppDeps, enterpriseId: string) {
  return repo.listPostsWithoutPublishedList(deps.db, enterpriseId);
}
