import type { OperationsMessages } from '../zh-CN/operations';

/** English — change management, contractors, communication, operational registers and occupational health. */
export const operationsMessages: OperationsMessages = {
  operationsUi: {
    nav: { group: 'Operational control', change: 'Change management' },
    saved: 'Saved',
    confirm: 'OK',
    change: {
      title: 'Change management',
      hint: 'Before a process, equipment, material, people or site change, raise a request naming what it touches; its risks are listed, and the risk review flags them for re-identification (visible in the risk register); then approve, implement and close (SAWS 〔2003〕141 1(2)3; Art. 6).',
      name: 'Change',
      kind: 'Kind of change',
      kinds: { process: 'Process', equipment: 'Equipment', material: 'Material', people: 'People', site: 'Site' },
      description: 'What changes and why',
      requestedBy: 'Requested by',
      scopeHint: 'What the change touches (its risks are listed from these):',
      post: 'Post',
      area: 'Area',
      equipment: 'Equipment',
      material: 'Material',
      plannedOn: 'Planned for',
      status: 'Status',
      statuses: { requested: 'Risk review pending', reviewed: 'Reviewed, awaiting approval', approved: 'Approved', rejected: 'Rejected', implemented: 'Implemented', closed: 'Closed' },
      risks: 'Risks touched',
      noRisks: 'No registered risk touched',
      flagged: 'flagged for re-identification',
      next: 'Next step',
      steps: { review: 'Risk review', approve: 'Approve', reject: 'Reject', implement: 'Implemented', close: 'Close' },
      confirm: {
        review: 'Complete the risk review? The risks touched are flagged for re-identification.',
        approve: 'Approve this change?',
        reject: 'Reject this change?',
        implement: 'Record the change as implemented?',
        close: 'Close this change?',
      },
      createTitle: 'New change request',
      editTitle: 'Edit change request',
    },
  },
};
