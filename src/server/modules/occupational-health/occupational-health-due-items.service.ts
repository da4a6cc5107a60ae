/* Due items of the registers and occupational health (DESIGN "Due items"): each special equipment's
 * next periodic inspection (owner: its responsible person) and each person's next health
 * examination (owner: the person), and each person's PPE replacement, from the latest record; a
 * newer record replaces the item. The 职业病危害项目申报's yearly update falls due a year after the
 * latest declaration (no owner: the managers' list; the rule is UNCONFIRMED, see
 * reference/occupational-hazard-declaration.ts). */
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { nextDeclarationDue } from '../../../domain/operations/occupational-health.js';
import { findSpecialEquipmentCategory } from '../../../reference/special-equipment-categories.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import * as repo from './occupational-health.repository.js';

const examKindZh: Record<string, string> = { pre_job: '上岗前', periodic: '在岗期间', leaving: '离岗时' };

export const occupationalHealthDueItemProvider: DueItemProvider = {
  feature: 'ohs',
  notifyDaysBefore: 30,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const tz = await repo.timeZoneOf(deps.db, enterpriseId);
    const items: DueItem[] = [];
    const equipment = await repo.listLiveSpecialEquipment(deps.db, enterpriseId);
    const inspections = await repo.listInspections(deps.db, enterpriseId, equipment.map((e) => e.id));
    for (const e of equipment) {
      const next = inspections.find((i) => i.special_equipment_id === e.id)?.next_due_on ?? e.first_due_on;
      if (!next) continue;
      const dueAt = endOfLocalDay(next, tz);
      const category = findSpecialEquipmentCategory(e.category)?.label;
      items.push({
        kind: 'ohs.specialEquipmentInspection',
        title: { 'zh-CN': `特种设备定期检验：${e.name}（${category?.['zh-CN'] ?? e.category}）`, 'en-US': `Periodic inspection of special equipment: ${e.name} (${category?.['en-US'] ?? e.category})` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: e.responsible_person_id,
        link: '/operations/special-equipment',
        sourceRef: `special_equipment:${e.id}:${next}`,
      });
    }
    for (const exam of (await repo.latestExamIds(deps.db, enterpriseId)).values()) {
      if (!exam.next_due_on) continue;
      const dueAt = endOfLocalDay(exam.next_due_on, tz);
      items.push({
        kind: 'ohs.healthExam',
        title: { 'zh-CN': `职业健康检查：${exam.person_name}（上次${examKindZh[exam.kind] ?? ''} ${exam.exam_on}）`, 'en-US': `Health examination: ${exam.person_name} (last ${exam.exam_on})` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: exam.person_id,
        link: '/operations/health-exams',
        sourceRef: `health_exam:${exam.id}:${exam.next_due_on}`,
      });
    }
    for (const issue of await repo.latestPpeIssues(deps.db, enterpriseId)) {
      if (!issue.replace_by) continue;
      const dueAt = endOfLocalDay(issue.replace_by, tz);
      items.push({
        kind: 'ohs.ppeReplacement',
        title: { 'zh-CN': `劳动防护用品更换：${issue.person_name} ${issue.name}`, 'en-US': `PPE replacement: ${issue.person_name} ${issue.name}` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: issue.person_id,
        link: '/operations/ppe',
        sourceRef: `ppe_issue:${issue.id}:${issue.replace_by}`,
      });
    }
    const [latestDeclaration] = await repo.listDeclarations(deps.db, enterpriseId);
    if (latestDeclaration) {
      const next = nextDeclarationDue(latestDeclaration.declared_on);
      const dueAt = endOfLocalDay(next, tz);
      items.push({
        kind: 'ohs.hazardDeclaration',
        title: { 'zh-CN': `职业病危害项目申报年度更新（上次申报 ${latestDeclaration.declared_on}）`, 'en-US': `Yearly update of the occupational-hazard declaration (last declared ${latestDeclaration.declared_on})` },
        dueAt,
        status: dueStatusOf(dueAt, false, now),
        ownerPersonId: null,
        link: '/operations/monitoring',
        sourceRef: `ohd_declaration:${latestDeclaration.id}:${next}`,
      });
    }
    return items;
  },
};
