/* 劳动防护用品 (issue 14 §10, seed 000 三(五)2(4)): what each post must wear (generic resource, kinds
 * from src/reference/ppe-kinds.ts) and each issue to a person — insert-only, signed by the recipient
 * through the sign-off mechanism (subject 'ppe-issue') — with its replacement date (a due item). */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { PpeIssueTable } from '../../db/tables/operations-tables.js';
import { plusMonths } from '../../../domain/operations/date-state.js';
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import type { PpeKind } from '../../../reference/ppe-kinds.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  type PpeIssueDto,
  ppeIssueInputSchema,
  type ppeIssueListQuerySchema,
  type PpeRequirementDto,
  ppeRequirementCreateSchema,
  ppeRequirementListQuerySchema,
  ppeRequirementSchema,
  ppeRequirementUpdateSchema,
} from '../../../schemas/occupational-health.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { allActiveExist, type Row } from '../../platform/resource/tenant-resource.repository.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import { recordChange } from '../audit/audit.service.js';
import * as repo from './occupational-health.repository.js';

export const ppeIssueSubjectType = 'ppe-issue';
const recipientRole = 'recipient';

export function ppeRequirementSpec(): ResourceSpec<PpeRequirementDto, z.infer<typeof ppeRequirementCreateSchema>, z.infer<typeof ppeRequirementUpdateSchema>, z.infer<typeof ppeRequirementListQuerySchema>> {
  return {
    table: 'ppe_requirement',
    path: '/api/v1/ppe-requirements',
    tag: 'occupational-health',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: ppeRequirementCreateSchema,
    updateSchema: ppeRequirementUpdateSchema,
    dtoSchema: ppeRequirementSchema,
    listQuerySchema: ppeRequirementListQuerySchema,
    searchColumns: ['name'],
    filters: { postId: 'post_id' },
    references: { postId: 'post' },
    toColumns: (input) => ({
      ...(input.postId !== undefined && { post_id: input.postId }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kind !== undefined && { kind: input.kind }),
      ...(input.replaceMonths !== undefined && { replace_months: input.replaceMonths }),
      ...(input.note !== undefined && { note: input.note }),
    }),
    toDtos: async (_db, _e, rows: Row[]) =>
      rows.map((r) => ({
        id: r.id,
        postId: r.post_id as string,
        name: r.name as string,
        kind: r.kind as PpeKind,
        replaceMonths: r.replace_months === null ? null : Number(r.replace_months),
        note: r.note as string,
        createdAt: r.created_at,
        updatedAt: r.updated_at as string,
        archivedAt: r.archived_at,
      })),
  };
}

async function toIssueDtos(db: Executor, enterpriseId: string, rows: repo.PpeIssueRow[]): Promise<PpeIssueDto[]> {
  const out: PpeIssueDto[] = [];
  for (const r of rows) {
    const signed = currentSignatures(await listSignOffs(db, enterpriseId, ppeIssueSubjectType, r.id), '').find((s) => s.role === recipientRole && s.personId === r.person_id);
    out.push({
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      requirementId: r.requirement_id,
      name: r.name,
      kind: r.kind as PpeKind,
      quantity: Number(r.quantity),
      issuedOn: r.issued_on,
      replaceBy: r.replace_by,
      signedAt: signed?.signedAt ?? null,
      createdAt: r.created_at,
    });
  }
  return out;
}

/** Records an issue of PPE to a person (insert-only); the person then signs for it. */
export async function addPpeIssue(deps: AppDeps, actor: { userId: string; enterpriseId: string }, input: z.infer<typeof ppeIssueInputSchema>): Promise<PpeIssueDto> {
  const id = newId();
  await withTransaction(deps.db, async (trx) => {
    if (!(await allActiveExist(trx, 'person', actor.enterpriseId, [input.personId]))) throw referenceMissing('personId');
    const requirement = input.requirementId ? await repo.findPpeRequirement(trx, actor.enterpriseId, input.requirementId) : undefined;
    if (input.requirementId && !requirement) throw referenceMissing('requirementId');
    const name = input.name || requirement?.name || '';
    if (!name) throw fieldError('name', { 'zh-CN': '请填写发放的防护用品名称，或选择岗位配备要求', 'en-US': 'Name the item issued, or pick the post requirement' });
    const months = requirement?.replace_months ?? null;
    const now = deps.clock.now();
    const row: PpeIssueTable = {
      id,
      enterprise_id: actor.enterpriseId,
      person_id: input.personId,
      requirement_id: requirement?.id ?? null,
      name,
      kind: input.kind ?? requirement?.kind ?? 'other',
      quantity: input.quantity,
      issued_on: input.issuedOn,
      replace_by: input.replaceBy ?? (months ? plusMonths(input.issuedOn, Number(months)) : null),
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertPpeIssue(trx, row);
    await recordChange(trx, actor, now, { entity: 'ppe_issue', entityId: id, action: 'create', after: { ...input, name, replaceBy: row.replace_by } });
  });
  const row = await repo.findPpeIssue(deps.db, actor.enterpriseId, id);
  return (await toIssueDtos(deps.db, actor.enterpriseId, [row as repo.PpeIssueRow]))[0] as PpeIssueDto;
}

export async function listPpeIssues(deps: AppDeps, enterpriseId: string, q: z.infer<typeof ppeIssueListQuerySchema>) {
  const rows = await repo.listPpeIssues(deps.db, enterpriseId, { personId: q.personId, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = toPage(rows, q.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => r);
  return { items: await toIssueDtos(deps.db, enterpriseId, page.items), nextCursor: page.nextCursor };
}

registerSignOffSubject({
  type: ppeIssueSubjectType,
  entity: 'ppe_issue',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await repo.findPpeIssue(db, enterpriseId, subjectId);
    if (!row) return null;
    return {
      title: `${row.issued_on} ${row.name} × ${row.quantity}`,
      revision: '',
      isOpen: true,
      closedReason: null,
      expected: [
        {
          personId: row.person_id,
          role: recipientRole,
          roleLabel: { 'zh-CN': '领用人', 'en-US': 'Recipient' },
          statement: {
            'zh-CN': `本人已领取${row.name}${row.quantity}件（${row.issued_on}），会按规定正确佩戴使用。`,
            'en-US': `I received ${row.quantity} × ${row.name} (${row.issued_on}) and will wear and use it as required.`,
          },
        },
      ],
    };
  },
});
