import type { Widen } from '../widen';

/** 中文 — change management, contractors, communication, operational registers and occupational health (issue 14 §7–10). en-US/operations.ts has exactly the same keys. */
export const operationsMessages = {
  operationsUi: {
    nav: { group: '运行控制', change: '变更管理' },
    saved: '已保存',
    confirm: '确定',
    change: {
      title: '变更管理',
      hint: '工艺、设备、物料、人员或场所发生变更前提出申请，列出所涉及岗位、区域、设备或物品的风险；风险评审时这些风险被标记为“需重新辨识”（风险清单可见），评审后再批准、实施和关闭（安监管技装字〔2003〕141号 一(二)3；第六条）。',
      name: '变更事项',
      kind: '变更类型',
      kinds: { process: '工艺变更', equipment: '设备设施变更', material: '物料变更', people: '人员变更', site: '场所变更' },
      description: '变更内容和理由',
      requestedBy: '申请人',
      scopeHint: '变更涉及的对象（用于列出相关风险）：',
      post: '岗位',
      area: '区域',
      equipment: '设备设施',
      material: '危险物品',
      plannedOn: '计划实施日期',
      status: '状态',
      statuses: { requested: '待风险评审', reviewed: '已评审待批准', approved: '已批准', rejected: '已驳回', implemented: '已实施', closed: '已关闭' },
      risks: '涉及的风险',
      noRisks: '未涉及已登记的风险',
      flagged: '已标记重新辨识',
      next: '下一步',
      steps: { review: '风险评审', approve: '批准', reject: '驳回', implement: '已实施', close: '关闭' },
      confirm: {
        review: '确认完成风险评审？所涉及的风险将被标记为需重新辨识。',
        approve: '确认批准此变更？',
        reject: '确认驳回此变更？',
        implement: '确认变更已实施？',
        close: '确认关闭此变更？',
      },
      createTitle: '新建变更申请',
      editTitle: '编辑变更申请',
    },
  },
} as const;

export type OperationsMessages = Widen<typeof operationsMessages>;
