import type { Widen } from '../widen';

/** 中文 — due items (待办事项). Assembled in ./index.ts; en-US/due-items.ts has exactly the same keys. */
export const dueItemsMessages = {
  dueItemUi: {
    nav: '待办事项',
    pageTitle: '待办事项',
    hint: '全企业到期和逾期的事项：隐患整改期限、排查任务、应急预案评审、演练、应急物资有效期等。逾期未办的事项一直保留在列表中。',
    status: '状态',
    statuses: { due: '待办', overdue: '已逾期', done: '已完成' },
    dueAt: '到期时间',
    kind: '类别',
    title: '事项',
    owner: '责任人',
    mine: '只看我的',
    truncated: '事项过多，只显示最早的一部分；请按类别或状态筛选。',
    features: { hazard: '隐患整改', inspection: '隐患排查', emergency: '应急管理', standardization: '标准化自评', risk: '风险辨识', management: '管理体系', training: '教育培训', contractors: '相关方', ohs: '职业健康和特种设备', communication: '会议决定事项', monitoring: '绩效测量和监测' },
    kinds: {
      monitoring_measurement: '测量和监测',
      communication_meetingAction: '会议决定事项',
      ohs_ppeReplacement: '劳动防护用品更换',
      ohs_specialEquipmentInspection: '特种设备定期检验',
      ohs_healthExam: '职业健康检查',
      ohs_hazardDeclaration: '职业病危害项目申报年度更新',
      contractors_qualificationExpiry: '相关方资质到期',
      contractors_agreementExpiry: '相关方安全协议到期',
      risk_reidentification: '岗位定期辨识',
      management_objectiveSlipping: '目标进度落后',
      standardization_action: '标准化自评整改',
      training_session: '计划培训',
      training_certificate_expiry: '证书到期',
      training_certificate_review: '证书复审',
      training_hours_short: '培训学时不足',
      hazard_rectification: '隐患整改期限',
      inspection_task: '排查任务',
      emergency_planReview: '预案评审',
      emergency_drill: '应急演练',
      emergency_supplyExpiry: '物资有效期',
      emergency_supplyCheck: '物资检查',
    },
  },
} as const;

export type DueItemsMessages = Widen<typeof dueItemsMessages>;
