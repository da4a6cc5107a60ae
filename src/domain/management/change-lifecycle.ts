/* Change management (变更管理, seed 000 一(二)3; seed 001 第六条 "当岗位风险发生变更时应及时重新辨识"):
 * a change request goes requested → reviewed (its risks listed and flagged for re-identification)
 * → approved or rejected → implemented → closed. Pure: which step may follow which. */
export const changeKinds = ['process', 'equipment', 'material', 'people', 'site'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export const changeStatuses = ['requested', 'reviewed', 'approved', 'rejected', 'implemented', 'closed'] as const;
export type ChangeStatus = (typeof changeStatuses)[number];

export const changeSteps = ['review', 'approve', 'reject', 'implement', 'close'] as const;
export type ChangeStep = (typeof changeSteps)[number];

/** The status a step needs, and the one it leads to. */
const transitions: Record<ChangeStep, { from: ChangeStatus; to: ChangeStatus }> = {
  review: { from: 'requested', to: 'reviewed' },
  approve: { from: 'reviewed', to: 'approved' },
  reject: { from: 'reviewed', to: 'rejected' },
  implement: { from: 'approved', to: 'implemented' },
  close: { from: 'implemented', to: 'closed' },
};

export type ChangeTransition = { ok: true; to: ChangeStatus } | { ok: false; needs: ChangeStatus };

export function changeTransition(current: ChangeStatus, step: ChangeStep): ChangeTransition {
  const t = transitions[step];
  return current === t.from ? { ok: true, to: t.to } : { ok: false, needs: t.from };
}

/** A request's content is edited only before its risk review (the review is of what was asked). */
export const isEditable = (status: ChangeStatus) => status === 'requested';
