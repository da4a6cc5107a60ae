/* The 事故假想 sheet's signatures through the one sign-off mechanism (subject 'accident-scenario'):
 * each worker of the post confirms the current revision ('worker'); then one of the post's team
 * leaders reviews it ('review') — refused while a worker has not signed this revision. A save makes
 * a new revision, so every signature is asked again (seed 003 附件1; issue 11 §2). */
import { currentSignatures } from '../../../domain/sign-off/sign-off-chain.js';
import { AppError } from '../../platform/http/app-error.js';
import { registerSignOffSubject, type ExpectedSigner } from '../../platform/sign-off/sign-off-registry.js';
import { listSignOffs } from '../../platform/sign-off/sign-off.service.js';
import * as repo from './accident-scenarios.repository.js';
import { scenarioManagerRoles, scenarioPeople, scenarioSubjectType } from './accident-scenarios.service.js';

registerSignOffSubject({
  type: scenarioSubjectType,
  entity: 'accident_scenario',
  hostRoles: scenarioManagerRoles,
  async describe({ db, enterpriseId, subjectId }) {
    const row = await repo.findScenario(db, enterpriseId, subjectId);
    if (!row) return null;
    const post = await repo.findPostWithUnit(db, enterpriseId, row.post_id);
    if (!post) return null;
    const { workers, reviewers } = await scenarioPeople(db, enterpriseId, post);
    const expected: ExpectedSigner[] = [
      ...workers.map((w) => ({
        personId: w.id,
        role: 'worker',
        roleLabel: { 'zh-CN': '岗位人员', 'en-US': 'Worker of the post' },
        statement: {
          'zh-CN': `本人已阅读并参与填写${post.name}岗位${row.year}年事故假想（第 ${row.revision} 版），知道本岗位可能发生的事故、防范检查要求和紧急应对措施。`,
          'en-US': `I have read and helped complete the ${row.year} accident scenarios of the post ${post.name} (revision ${row.revision}); I know its possible accidents, checks and emergency actions.`,
        },
      })),
      ...reviewers.map((r) => ({
        personId: r.id,
        role: 'review',
        roleLabel: { 'zh-CN': '班组长审核', 'en-US': 'Team leader review' },
        statement: { 'zh-CN': `已审核${post.name}岗位${row.year}年事故假想（第 ${row.revision} 版）。`, 'en-US': `Reviewed the ${row.year} accident scenarios of ${post.name} (revision ${row.revision}).` },
      })),
    ];
    return { title: `${post.name} · ${row.year} 事故假想`, revision: String(row.revision), isOpen: !post.archived_at, closedReason: post.archived_at ? { 'zh-CN': '岗位已归档', 'en-US': 'the post is archived' } : null, expected };
  },
  async afterSign({ db, enterpriseId, subjectId, signOff }) {
    if (signOff.action !== 'sign' || signOff.role !== 'review') return;
    const row = await repo.findScenario(db, enterpriseId, subjectId);
    const post = row ? await repo.findPostWithUnit(db, enterpriseId, row.post_id) : undefined;
    if (!row || !post) return;
    const { workers } = await scenarioPeople(db, enterpriseId, post);
    const signed = new Set(
      currentSignatures(await listSignOffs(db, enterpriseId, scenarioSubjectType, subjectId, String(row.revision)), String(row.revision))
        .filter((s) => s.role === 'worker')
        .map((s) => s.personId),
    );
    const missing = workers.filter((w) => !signed.has(w.id)).map((w) => w.name);
    if (workers.length === 0 || missing.length) throw new AppError('SCENARIO_NOT_SIGNED', { missing: missing.join('、') || '—' });
  },
});
