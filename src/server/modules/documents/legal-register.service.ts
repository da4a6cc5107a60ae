/* The legal register (法律法规及其他要求, issue 14 §6): the requirements that apply, from the starter
 * set for small 工贸 enterprises (src/reference/legal-register-starter.ts, unconfirmed details kept
 * marked) or entered by hand; their clauses mapped to posts, departments, and the risks or documents
 * that implement them (every id checked to be the enterprise's own). One transaction and one audit
 * row per write. The compliance evaluation is in compliance.service.ts. */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { findStarter, type LegalKind, starterRequirements } from '../../../reference/legal-register-starter.js';
import type { Locale } from '../../../i18n/locale.js';
import type { legalClausesSchema, legalRequirementCreateSchema, LegalRequirementDto, legalRequirementUpdateSchema } from '../../../schemas/legal-register.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { evaluationsOf, toEvaluationDto } from './compliance.service.js';
import { listLegalRequirementRows } from './documents.repository.js';
import { enterpriseToday, type DocumentActor, writeOnce } from './documents.service.js';

type Named = { id: string; name: string };
const idsOf = (json: string): string[] => (fromDbJson(json) as string[] | null) ?? [];

async function namesOf(db: Executor, enterpriseId: string, table: 'post' | 'org_unit' | 'risk' | 'controlled_document', ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  if (table === 'risk') {
    const rows = await db.selectFrom('risk').select(['id', 'object_name', 'causes']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.causes ? `${r.object_name}：${r.causes.slice(0, 40)}` : r.object_name]));
  }
  if (table === 'controlled_document') {
    const rows = await db.selectFrom('controlled_document').select(['id', 'number', 'title']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, `${r.number} ${r.title}`]));
  }
  const rows = await db.selectFrom(table).select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Requirements as DTOs with their clauses (names resolved) and evaluations; `year` picks the evaluation in force. */
export async function toRequirementDtos(db: Executor, enterpriseId: string, rows: { id: string }[], year: number): Promise<LegalRequirementDto[]> {
  if (!rows.length) return [];
  const reqIds = rows.map((r) => r.id);
  const [full, clauses, evaluations] = await Promise.all([
    db.selectFrom('legal_requirement').selectAll().where('enterprise_id', '=', enterpriseId).where('id', 'in', reqIds).execute(),
    db.selectFrom('legal_clause').selectAll().where('enterprise_id', '=', enterpriseId).where('requirement_id', 'in', reqIds).where('archived_at', 'is', null).orderBy('position').execute(),
    evaluationsOf(db, enterpriseId, reqIds),
  ]);
  const all = (col: 'post_ids' | 'org_unit_ids' | 'risk_ids' | 'document_ids') => [...new Set(clauses.flatMap((c) => idsOf(c[col])))];
  const [posts, units, risks, docs] = await Promise.all([
    namesOf(db, enterpriseId, 'post', all('post_ids')),
    namesOf(db, enterpriseId, 'org_unit', all('org_unit_ids')),
    namesOf(db, enterpriseId, 'risk', all('risk_ids')),
    namesOf(db, enterpriseId, 'controlled_document', all('document_ids')),
  ]);
  const named = (json: string, names: Map<string, string>): Named[] => idsOf(json).map((id) => ({ id, name: names.get(id) ?? '' }));
  return rows.map(({ id }) => {
    const r = full.find((x) => x.id === id)!;
    const evals = evaluations.filter((e) => e.requirement_id === id).map(toEvaluationDto);
    return {
      id: r.id,
      refKey: r.ref_key,
      kind: r.kind as LegalKind,
      title: r.title,
      documentNo: r.document_no,
      issuer: r.issuer,
      edition: r.edition,
      effectiveOn: r.effective_on,
      isUnconfirmed: Boolean(Number(r.is_unconfirmed)),
      note: r.note,
      clauses: clauses
        .filter((c) => c.requirement_id === id)
        .map((c) => ({
          id: c.id,
          clause: c.clause,
          summary: c.summary,
          isUnconfirmed: Boolean(Number(c.is_unconfirmed)),
          posts: named(c.post_ids, posts),
          orgUnits: named(c.org_unit_ids, units),
          risks: named(c.risk_ids, risks),
          documents: named(c.document_ids, docs),
        })),
      // Evaluations come newest first: the first of the year is the one in force.
      evaluation: evals.find((e) => e.year === year) ?? null,
      evaluations: evals,
      createdAt: r.created_at,
      archivedAt: r.archived_at,
    };
  });
}

export async function currentYear(deps: AppDeps, enterpriseId: string): Promise<number> {
  return Number((await enterpriseToday(deps, deps.db, enterpriseId)).slice(0, 4));
}

export async function listLegalRequirements(deps: AppDeps, enterpriseId: string, query: { cursor?: string; limit: number; includeArchived?: boolean; year?: number }) {
  const after = decodeCursor(query.cursor);
  const rows = await listLegalRequirementRows(deps.db, enterpriseId, { includeArchived: query.includeArchived, after, limit: query.limit + 1 });
  const year = query.year ?? (await currentYear(deps, enterpriseId));
  const page = toPage(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await toRequirementDtos(deps.db, enterpriseId, page.items, year), nextCursor: page.nextCursor };
}

export async function getLegalRequirement(deps: AppDeps, enterpriseId: string, id: string, db: Executor = deps.db): Promise<LegalRequirementDto> {
  const row = await db.selectFrom('legal_requirement').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('legal_requirement');
  const year = Number((await enterpriseToday(deps, db, enterpriseId)).slice(0, 4));
  return (await toRequirementDtos(db, enterpriseId, [row], year))[0]!;
}

/** The starter set, each marked when the enterprise has registered it. */
export async function listStarter(deps: AppDeps, enterpriseId: string, locale: Locale) {
  const have = await deps.db.selectFrom('legal_requirement').select('ref_key').where('enterprise_id', '=', enterpriseId).where('ref_key', 'is not', null).execute();
  return starterRequirements.map((s) => ({
    key: s.key,
    kind: s.kind,
    title: locale === 'zh-CN' ? s.title : `${s.title}（${s.titleEn}）`,
    documentNo: s.documentNo,
    edition: s.edition,
    effectiveOn: s.effectiveOn,
    isUnconfirmed: s.isUnconfirmed,
    note: s.note?.[locale] ?? '',
    isRegistered: have.some((h) => h.ref_key === s.key),
  }));
}

/** Registers starter items with their clauses; an item already registered is left as it is. */
export async function addStarterItems(deps: AppDeps, actor: DocumentActor, keys: string[]): Promise<LegalRequirementDto[]> {
  const unknown = keys.findIndex((k) => !findStarter(k));
  if (unknown >= 0) throw fieldError(`keys.${unknown}`, { 'zh-CN': '起步清单中没有这一项', 'en-US': 'Not in the starter set' });
  return writeOnce(deps, async (trx) => {
    const have = new Set((await trx.selectFrom('legal_requirement').select('ref_key').where('enterprise_id', '=', actor.enterpriseId).where('ref_key', 'in', keys).execute()).map((r) => r.ref_key));
    const at = deps.clock.now().toISOString();
    const created: { id: string; created_at: string }[] = [];
    for (const key of [...new Set(keys)].filter((k) => !have.has(k))) {
      const s = findStarter(key)!;
      const id = newId();
      const note = [s.note?.['zh-CN'] ?? '', s.isUnconfirmed ? '版本或日期未核实（UNCONFIRMED），请对照官方文本确认。' : ''].filter(Boolean).join(' ');
      await trx
        .insertInto('legal_requirement')
        .values({ id, enterprise_id: actor.enterpriseId, ref_key: key, kind: s.kind, title: s.title, document_no: s.documentNo, issuer: s.issuer, edition: s.edition, effective_on: s.effectiveOn, is_unconfirmed: s.isUnconfirmed ? 1 : 0, note, created_at: at, updated_at: at, archived_at: null })
        .execute();
      let position = 0;
      for (const c of s.clauses) {
        await trx
          .insertInto('legal_clause')
          .values({ id: newId(), enterprise_id: actor.enterpriseId, requirement_id: id, clause: c.clause, summary: c.summary, is_unconfirmed: c.isUnconfirmed ? 1 : 0, post_ids: '[]', org_unit_ids: '[]', risk_ids: '[]', document_ids: '[]', position: position++, created_at: at, updated_at: at, archived_at: null })
          .execute();
      }
      await recordChange(trx, actor, deps.clock.now(), { entity: 'legal_requirement', entityId: id, action: 'create', after: { refKey: key, title: s.title, edition: s.edition } });
      created.push({ id, created_at: at });
    }
    return toRequirementDtos(trx, actor.enterpriseId, created, Number((await enterpriseToday(deps, trx, actor.enterpriseId)).slice(0, 4)));
  });
}

export async function createLegalRequirement(deps: AppDeps, actor: DocumentActor, input: z.infer<typeof legalRequirementCreateSchema>): Promise<LegalRequirementDto> {
  return withTransaction(deps.db, async (trx) => {
    const id = newId();
    const at = deps.clock.now().toISOString();
    await trx
      .insertInto('legal_requirement')
      .values({ id, enterprise_id: actor.enterpriseId, ref_key: null, kind: input.kind, title: input.title, document_no: input.documentNo, issuer: input.issuer, edition: input.edition, effective_on: input.effectiveOn, is_unconfirmed: 0, note: input.note, created_at: at, updated_at: at, archived_at: null })
      .execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'legal_requirement', entityId: id, action: 'create', after: input });
    return getLegalRequirement(deps, actor.enterpriseId, id, trx);
  });
}

async function requireLive(trx: Executor, enterpriseId: string, id: string) {
  const row = await trx.selectFrom('legal_requirement').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('legal_requirement');
  if (row.archived_at) throw new AppError('ARCHIVED', { entity: 'legal_requirement' });
  return row;
}

export async function updateLegalRequirement(deps: AppDeps, actor: DocumentActor, id: string, input: z.infer<typeof legalRequirementUpdateSchema>): Promise<LegalRequirementDto> {
  return withTransaction(deps.db, async (trx) => {
    const before = await requireLive(trx, actor.enterpriseId, id);
    await trx
      .updateTable('legal_requirement')
      .set({
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.documentNo !== undefined && { document_no: input.documentNo }),
        ...(input.issuer !== undefined && { issuer: input.issuer }),
        ...(input.edition !== undefined && { edition: input.edition }),
        ...(input.effectiveOn !== undefined && { effective_on: input.effectiveOn }),
        ...(input.note !== undefined && { note: input.note }),
        updated_at: deps.clock.now().toISOString(),
      })
      .where('enterprise_id', '=', actor.enterpriseId)
      .where('id', '=', id)
      .execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'legal_requirement', entityId: id, action: 'update', before, after: input });
    return getLegalRequirement(deps, actor.enterpriseId, id, trx);
  });
}

export async function archiveLegalRequirement(deps: AppDeps, actor: DocumentActor, id: string): Promise<LegalRequirementDto> {
  return withTransaction(deps.db, async (trx) => {
    await requireLive(trx, actor.enterpriseId, id);
    const at = deps.clock.now().toISOString();
    await trx.updateTable('legal_requirement').set({ archived_at: at, updated_at: at }).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', id).execute();
    await recordChange(trx, actor, deps.clock.now(), { entity: 'legal_requirement', entityId: id, action: 'archive' });
    return getLegalRequirement(deps, actor.enterpriseId, id, trx);
  });
}

async function checkIds(trx: Executor, enterpriseId: string, table: 'post' | 'org_unit' | 'risk' | 'controlled_document', ids: string[], path: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await namesOf(trx, enterpriseId, table, unique);
  if (found.size !== unique.length) throw referenceMissing(path);
}

/** Replaces the requirement's clauses: listed ones kept or updated (by id), new ones added, the rest archived. */
export async function putClauses(deps: AppDeps, actor: DocumentActor, id: string, input: z.infer<typeof legalClausesSchema>): Promise<LegalRequirementDto> {
  return withTransaction(deps.db, async (trx) => {
    await requireLive(trx, actor.enterpriseId, id);
    const existing = await trx.selectFrom('legal_clause').selectAll().where('enterprise_id', '=', actor.enterpriseId).where('requirement_id', '=', id).where('archived_at', 'is', null).execute();
    for (const [i, c] of input.clauses.entries()) {
      if (c.id && !existing.some((e) => e.id === c.id)) throw referenceMissing(`clauses.${i}.id`);
      await checkIds(trx, actor.enterpriseId, 'post', c.postIds, `clauses.${i}.postIds`);
      await checkIds(trx, actor.enterpriseId, 'org_unit', c.orgUnitIds, `clauses.${i}.orgUnitIds`);
      await checkIds(trx, actor.enterpriseId, 'risk', c.riskIds, `clauses.${i}.riskIds`);
      await checkIds(trx, actor.enterpriseId, 'controlled_document', c.documentIds, `clauses.${i}.documentIds`);
    }
    const at = deps.clock.now().toISOString();
    const kept = new Set(input.clauses.map((c) => c.id).filter(Boolean));
    const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
    if (gone.length) await trx.updateTable('legal_clause').set({ archived_at: at, updated_at: at }).where('enterprise_id', '=', actor.enterpriseId).where('id', 'in', gone).execute();
    for (const [position, c] of input.clauses.entries()) {
      const values = {
        clause: c.clause,
        summary: c.summary,
        post_ids: JSON.stringify([...new Set(c.postIds)]),
        org_unit_ids: JSON.stringify([...new Set(c.orgUnitIds)]),
        risk_ids: JSON.stringify([...new Set(c.riskIds)]),
        document_ids: JSON.stringify([...new Set(c.documentIds)]),
        position,
        updated_at: at,
      };
      if (c.id) await trx.updateTable('legal_clause').set(values).where('enterprise_id', '=', actor.enterpriseId).where('id', '=', c.id).execute();
      else await trx.insertInto('legal_clause').values({ ...values, id: newId(), enterprise_id: actor.enterpriseId, requirement_id: id, is_unconfirmed: 0, created_at: at, archived_at: null }).execute();
    }
    await recordChange(trx, actor, deps.clock.now(), { entity: 'legal_requirement', entityId: id, action: 'clauses', before: existing.map((e) => ({ id: e.id, clause: e.clause })), after: input.clauses });
    return getLegalRequirement(deps, actor.enterpriseId, id, trx);
  });
}

/** The clauses mapped to a post (the legal requirements the post must keep), for its page. */
export async function clausesOfPost(deps: AppDeps, enterpriseId: string, postId: string) {
  const post = await deps.db.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).where('id', '=', postId).executeTakeFirst();
  if (!post) throw notFound('post');
  const rows = await deps.db
    .selectFrom('legal_clause as c')
    .innerJoin('legal_requirement as r', 'r.id', 'c.requirement_id')
    .select(['r.id as requirement_id', 'r.title', 'c.id', 'c.clause', 'c.summary'])
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.archived_at', 'is', null)
    .where('r.archived_at', 'is', null)
    .where(sql<boolean>`c.post_ids like ${`%"${postId}"%`}`)
    .orderBy('r.title')
    .orderBy('c.position')
    .execute();
  return rows.map((r) => ({ id: r.id, requirementId: r.requirement_id, title: r.title, clause: r.clause, summary: r.summary }));
}
