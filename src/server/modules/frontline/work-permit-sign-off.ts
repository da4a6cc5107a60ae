/* The permit's signatures through the one sign-off mechanism (subject type 'work-permit'):
 * each worker's 一备三查 ('prework', after ticking all four), each safety measure by its
 * responsible person ('measure.<i>'), the approver, the guardian, and — once the work runs — the
 * guardian's "site cleared" that closes it. After each signature the permit re-checks whether the
 * work may start (seed 003 附件2 确认签字; issue 11 §3). */
import { fromDbJson } from '../../db/codecs.js';
import { AppError } from '../../platform/http/app-error.js';
import { registerSignOffSubject, type ExpectedSigner } from '../../platform/sign-off/sign-off-registry.js';
import { preworkCheckCodes, preworkChecks } from '../../../reference/work-permit-rules.js';
import * as repo from './work-permits.repository.js';
import { closeOnSiteCleared, permitManagerRoles, permitPeople, permitSubjectType, tryStart, workTypeLabel } from './work-permits.service.js';

const preworkStatement = {
  'zh-CN': `本人已完成一备三查：${preworkChecks.map((c) => `${c.seq}${c.label['zh-CN']}`).join('')}，确认具备作业条件。`,
  'en-US': `I have done the four pre-work checks: ${preworkChecks.map((c) => c.label['en-US']).join('; ')} — fit to start.`,
};

registerSignOffSubject({
  type: permitSubjectType,
  entity: 'work_permit',
  hostRoles: permitManagerRoles,
  async describe({ db, enterpriseId, subjectId }) {
    const row = await repo.findPermit(db, enterpriseId, subjectId);
    if (!row) return null;
    const { workerIds, measures } = permitPeople(row);
    const expected: ExpectedSigner[] = [
      ...workerIds.map((personId) => ({
        personId,
        role: 'prework',
        roleLabel: { 'zh-CN': '作业人员（一备三查）', 'en-US': 'Worker (pre-work checks)' },
        statement: preworkStatement,
      })),
      ...measures.map((m, i) => ({
        personId: m.responsiblePersonId,
        role: `measure.${i}`,
        roleLabel: { 'zh-CN': `安全措施 ${i + 1} 责任人`, 'en-US': `Owner of safety measure ${i + 1}` },
        statement: { 'zh-CN': `已落实安全措施：${m.text}`, 'en-US': `Safety measure in place: ${m.text}` },
      })),
      {
        personId: row.approver_person_id,
        role: 'approver',
        roleLabel: { 'zh-CN': '审批人', 'en-US': 'Approver' },
        statement: { 'zh-CN': '经审查，作业安全措施已落实，同意作业。', 'en-US': 'Reviewed: the safety measures are in place; the work is approved.' },
      },
      {
        personId: row.guardian_person_id,
        role: 'guardian',
        roleLabel: { 'zh-CN': '监护人', 'en-US': 'Guardian' },
        statement: { 'zh-CN': '本人担任本次作业监护人，作业期间全程在场监护。', 'en-US': 'I am the guardian of this work and stay on site throughout.' },
      },
      ...(row.status === 'in_progress'
        ? [
            {
              personId: row.guardian_person_id,
              role: 'site_cleared',
              roleLabel: { 'zh-CN': '完工确认（监护人）', 'en-US': 'Site cleared (guardian)' },
              statement: { 'zh-CN': '作业已完毕，现场已清理，无遗留隐患。', 'en-US': 'The work is finished and the site cleared, nothing left behind.' },
            },
          ]
        : []),
    ];
    const isOpen = row.status === 'issued' || row.status === 'in_progress';
    return {
      title: `${workTypeLabel(row.work_type, 'zh-CN')} · ${row.content}`,
      revision: '',
      isOpen,
      closedReason: isOpen ? null : { 'zh-CN': row.status === 'closed' ? '作业票已关闭' : '作业票已作废', 'en-US': row.status === 'closed' ? 'the permit is closed' : 'the permit is cancelled' },
      expected,
    };
  },
  async afterSign({ db, clock, dialect, enterpriseId, subjectId, signOff }) {
    if (signOff.action !== 'sign') return;
    const actor = { userId: signOff.userId, enterpriseId };
    if (signOff.role === 'prework') {
      // 附件2: the signature confirms the four checks; without all four ticked it is refused (and rolled back).
      const ticks = (await repo.listPrework(db, subjectId)).filter((p) => p.person_id === signOff.personId).at(-1);
      const ticked = new Set(fromDbJson<string[]>(ticks?.checks ?? null) ?? []);
      if (!preworkCheckCodes.every((c) => ticked.has(c))) throw new AppError('PREWORK_INCOMPLETE', { person: signOff.personName });
    }
    if (signOff.role === 'site_cleared') {
      await closeOnSiteCleared(db, actor, subjectId, clock.now());
      return;
    }
    await tryStart({ clock, dialect }, db, actor, subjectId);
  },
});
