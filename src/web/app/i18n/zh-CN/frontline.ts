import type { Widen } from '../widen';

/** 现场管理 — front-line practice (seed 003; issue 11). */
export const frontlineMessages = {
  frontlineUi: {
    nav: { group: '现场管理', scenarios: '岗位事故假想' },
    scenarios: {
      title: '岗位事故假想',
      hint: '附件1"一线岗位安全风险事故假想参考表"：每个一线岗位每年一张，按岗位风险、管控措施和应急处置预填，岗位人员在手机上补充并签字，班组长审核。',
      year: '年度',
      post: '岗位',
      orgUnit: '班组/车间',
      status: '状态',
      signed: '签字',
      notStarted: '未开始',
      start: '开始（预填）',
      open: '打开',
      print: '打印',
      export: '导出全部 .xlsx',
      statuses: { drafting: '填写中', signed: '待班组长审核', reviewed: '已审核' },
      revision: '第 {{revision}} 版',
      workers: '岗位人员',
      reviewer: '班组长审核',
      notReviewed: '未审核',
      toHazard: '转为隐患',
      hazardCreated: '已转为隐患',
      viewHazard: '查看隐患',
      noImprovements: '暂无',
      editOnPhone: '岗位人员在手机上填写：扫岗位二维码 → 本岗位事故假想',
      edit: '编辑',
      save: '保存（需重新签字）',
      saved: '已保存',
      improvementsHint: '一行一条',
    },
    sheet: {
      title: '一线岗位安全风险事故假想参考表',
      accidentTypes: '常见\n事故\n类型',
      scenes: '最易\n发生\n事故\n场景',
      checks: '防范\n检查\n要求',
      emergency: '紧急\n应对\n措施',
      improvements: '存在\n问题\n改进\n措施',
      enterprise: '企业',
      post: '岗位',
      year: '年度',
      signatures: '岗位人员签字',
      review: '班组长审核',
      unsigned: '未签',
    },
  },
} as const;

export type FrontlineMessages = Widen<typeof frontlineMessages>;
