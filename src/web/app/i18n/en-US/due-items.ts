import type { DueItemsMessages } from '../zh-CN/due-items';

/** English — due items; the type keeps the keys identical to zh-CN/due-items.ts. */
export const dueItemsMessages: DueItemsMessages = {
  dueItemUi: {
    nav: 'What is due',
    pageTitle: 'What is due',
    hint: 'Everything due or overdue in the enterprise: rectification deadlines, inspection tasks, plan reviews, drills, supply expiry. An overdue item stays listed until it is done.',
    status: 'Status',
    statuses: { due: 'Due', overdue: 'Overdue', done: 'Done' },
    dueAt: 'Due',
    kind: 'Kind',
    title: 'Item',
    owner: 'Owner',
    mine: 'Only mine',
    truncated: 'Too many items: only the earliest are shown; filter by kind or status.',
    features: { hazard: 'Rectification', inspection: 'Inspection', emergency: 'Emergency', standardization: 'Standardization', risk: 'Risk identification', management: 'Management system', training: 'Training', contractors: 'Contractors', ohs: 'Occupational health and special equipment' },
    kinds: {
      ohs_ppeReplacement: 'PPE replacement',
      ohs_specialEquipmentInspection: 'Special equipment inspection',
      ohs_healthExam: 'Health examination',
      contractors_qualificationExpiry: 'Contractor qualification expiry',
      contractors_agreementExpiry: 'Contractor agreement expiry',
      risk_reidentification: 'Periodic re-identification',
      management_objectiveSlipping: 'Objective slipping',
      standardization_action: 'Self-assessment action',
      training_session: 'Planned training',
      training_certificate_expiry: 'Certificate expiry',
      training_certificate_review: 'Certificate review',
      training_hours_short: 'Training hours short',
      hazard_rectification: 'Rectification deadline',
      inspection_task: 'Inspection task',
      emergency_planReview: 'Plan review',
      emergency_drill: 'Drill',
      emergency_supplyExpiry: 'Supply expiry',
      emergency_supplyCheck: 'Supply check',
    },
  },
};
