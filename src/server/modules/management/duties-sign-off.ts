/* Sign-off subjects of commitment and duties (registered once, at module load): the top manager's
 * commitment, each post's duty list (acknowledged by its holders), each responsibility letter
 * (signed by its holder and its issuer). */
import { topManagerDuties } from '../../../reference/management/commitment.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import { commitmentSubjectType, dutyListSubjectType, holdersOf } from './duties.service.js';
import { postDutyLists } from '../risks/post-duty-list.service.js';

export const letterSubjectType = 'responsibility-letter';

registerSignOffSubject({
  type: commitmentSubjectType,
  entity: 'ohs_commitment',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await db.selectFrom('ohs_system_year').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', subjectId).executeTakeFirst();
    if (!row) return null;
    return {
      title: `主要负责人安全生产承诺（${row.year} 年）`,
      revision: String(row.commitment_revision),
      isOpen: row.principal_person_id !== null,
      closedReason: row.principal_person_id ? null : { 'zh-CN': '尚未指定签署承诺的主要负责人', 'en-US': 'no principal is named to sign the commitment yet' },
      expected: row.principal_person_id
        ? [
            {
              personId: row.principal_person_id,
              role: 'principal',
              roleLabel: { 'zh-CN': '主要负责人', 'en-US': 'Principal' },
              statement: {
                'zh-CN': `本人承诺履行：${topManagerDuties.map((d) => d['zh-CN']).join('；')}。（${row.year} 年，第 ${row.commitment_revision} 版）`,
                'en-US': `I commit to: ${topManagerDuties.map((d) => d['en-US']).join('; ')}. (${row.year}, revision ${row.commitment_revision})`,
              },
            },
          ]
        : [],
    };
  },
});

registerSignOffSubject({
  type: dutyListSubjectType,
  entity: 'post_duty_list',
  async describe({ db, enterpriseId, subjectId }) {
    const [list] = await postDutyLists(db, enterpriseId, [subjectId]);
    if (!list) return null;
    const holders = await holdersOf(db, enterpriseId, [subjectId]);
    return {
      title: `${list.postName} 岗位安全生产责任清单`,
      revision: list.revision,
      isOpen: list.items.length > 0,
      closedReason: list.items.length ? null : { 'zh-CN': '该岗位的责任清单还是空的', 'en-US': 'the duty list of this post is empty' },
      expected: holders.map((h) => ({
        personId: h.id,
        role: 'holder',
        roleLabel: { 'zh-CN': '岗位人员', 'en-US': 'Post holder' },
        statement: {
          'zh-CN': `本人已知悉“${list.postName}”岗位安全生产责任清单（${list.items.length} 项），承诺认真履行。`,
          'en-US': `I have read the duty list of the post "${list.postName}" (${list.items.length} items) and will carry it out.`,
        },
      })),
    };
  },
});

registerSignOffSubject({
  type: letterSubjectType,
  entity: 'ohs_responsibility_letter',
  async describe({ db, enterpriseId, subjectId }) {
    const row = await db.selectFrom('ohs_responsibility_letter').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', subjectId).executeTakeFirst();
    if (!row) return null;
    const signer = (personId: string, role: 'holder' | 'issuer') => ({
      personId,
      role,
      roleLabel: role === 'holder' ? { 'zh-CN': '责任人', 'en-US': 'Holder' } : { 'zh-CN': '发包人（主要负责人）', 'en-US': 'Issuer (principal)' },
      statement: { 'zh-CN': `本人已阅读并签订 ${row.year} 年度安全生产责任书。`, 'en-US': `I have read and sign the responsibility letter of ${row.year}.` },
    });
    return { title: `${row.year} 年度安全生产责任书`, revision: '1', isOpen: true, closedReason: null, expected: [signer(row.issuer_person_id, 'issuer'), signer(row.holder_person_id, 'holder')] };
  },
});
