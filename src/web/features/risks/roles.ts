import type { EnterpriseRole, Me } from '../../../schemas/auth.js';

/** Who may propose a risk for a post they hold (the server checks the post; see risk-identification.service). */
export const proposerRolesForUi = ['dept_head', 'team_leader', 'worker'] as const satisfies readonly EnterpriseRole[];

/** 上报风险 is offered to a non-manager proposer on their own posts only (`me.postIds`), as the API allows. */
export function mayProposeOn(me: Pick<Me, 'role' | 'postIds'>, postId: string | undefined): boolean {
  return Boolean(postId) && me.role !== null && (proposerRolesForUi as readonly string[]).includes(me.role) && me.postIds.includes(postId ?? '');
}
