/* Document templates (issue 14 §5): the ten management rules of seed 000 三(五)2 and the
 * risk-identification procedure of 二(三)1 (src/reference/document-templates.ts), each pre-filled
 * from the enterprise's records: its name and principal, management and operating posts,
 * departments, equipment and special equipment, dangerous goods, the hazardous-work types its
 * permits use, and the evaluation methods its risk evaluations used. Read-only; nothing stored
 * until a document is created from a template. */
import type { Executor } from '../../db/with-transaction.js';
import type { TemplateFactValues } from '../../../domain/documents/template-fill.js';
import { fillTemplate } from '../../../domain/documents/template-fill.js';
import type { Locale } from '../../../i18n/locale.js';
import { documentTemplates } from '../../../reference/document-templates.js';
import { hazardousWorkTypes } from '../../../reference/hazardous-work-types.js';
import type { DocumentTemplateDto } from '../../../schemas/documents.js';

const methodNames: Record<string, string> = {
  LEC: '作业条件危险性评价法（LEC）',
  LS: '风险矩阵法（LS）',
  DIRECT: '直接判定法（依据第七条）',
};

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

/** The facts a template may name, read from the records (empty lists when the records hold none). */
export async function templateFactValues(db: Executor, enterpriseId: string): Promise<TemplateFactValues> {
  const live = <T extends 'post' | 'org_unit' | 'equipment' | 'material'>(table: T) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (db as any).selectFrom(table).where('enterprise_id', '=', enterpriseId).where('archived_at', 'is', null).orderBy('name');
  const [enterprise, posts, units, equipment, materials, workTypes, methods] = await Promise.all([
    db.selectFrom('enterprise').select(['name', 'principal_name']).where('id', '=', enterpriseId).executeTakeFirst(),
    live('post').select(['name', 'kind']).execute() as Promise<{ name: string; kind: string }[]>,
    live('org_unit').select(['name', 'kind']).execute() as Promise<{ name: string; kind: string }[]>,
    live('equipment').select(['name', 'is_special']).execute() as Promise<{ name: string; is_special: number }[]>,
    live('material').select(['name', 'dangerous_class']).execute() as Promise<{ name: string; dangerous_class: string | null }[]>,
    db.selectFrom('work_permit').select('work_type').distinct().where('enterprise_id', '=', enterpriseId).execute(),
    db
      .selectFrom('risk_evaluation as e')
      .innerJoin('risk as r', 'r.id', 'e.risk_id')
      .select('e.method')
      .distinct()
      .where('r.enterprise_id', '=', enterpriseId)
      .execute(),
  ]);
  return {
    enterpriseName: enterprise?.name ?? '',
    principalName: enterprise?.principal_name ?? '',
    managementPosts: names(posts.filter((p) => p.kind === 'management')),
    operationPosts: names(posts.filter((p) => p.kind === 'operation')),
    departments: names(units.filter((u) => u.kind !== 'team')),
    equipment: names(equipment.filter((e) => !Number(e.is_special))),
    specialEquipment: names(equipment.filter((e) => Number(e.is_special))),
    dangerousMaterials: names(materials.filter((m) => m.dangerous_class)),
    hazardousWorkTypes: hazardousWorkTypes.filter((h) => workTypes.some((w) => w.work_type === h.code)).map((h) => h.label['zh-CN']),
    evaluationMethods: ['LEC', 'LS', 'DIRECT'].filter((m) => methods.some((r) => r.method === m)).map((m) => methodNames[m]!),
  };
}

export async function listDocumentTemplates(db: Executor, enterpriseId: string, locale: Locale): Promise<DocumentTemplateDto[]> {
  const facts = await templateFactValues(db, enterpriseId);
  return documentTemplates.map((t) => {
    const filled = fillTemplate(t, facts);
    return {
      key: t.key,
      type: t.type,
      number: t.number,
      title: t.title[locale],
      seedClause: t.seedClause,
      seedText: t.seedText,
      content: filled.content,
      factsUsed: filled.used,
      factsMissing: filled.missing,
      draftedHeadings: [...t.draftedHeadings],
    };
  });
}
