import type { Widen } from '../widen';

/** 中文 — the regulator's overview and inbox. Assembled in ./index.ts; en-US/oversight.ts has exactly the same keys. */
export const oversightMessages = {
  oversightUi: {
    nav: '监管概览',
    title: '监管概览',
    hint: '本账号关联的企业及其重大事故隐患报告。企业确认重大事故隐患或完成治理时，报告会送达这里（指导书第十七条）。',
    inbox: '隐患报告收件箱',
    inboxEmpty: '暂无报告',
    docx: '下载报告',
    acknowledge: '确认收悉',
    acknowledged: '已确认收悉',
    isAcknowledged: '已收悉',
    kind: { major_hazard: '重大事故隐患报告', result: '治理结果报告' },
    enterprise: '企业',
    industry: '行业',
    region: '行政区划',
    openMajor: '未闭环重大隐患',
    openHazards: '未闭环隐患',
    unacknowledged: '待确认报告',
    postLevels: '岗位风险',
    postLevelCounts: '重大 {{major}} / 较大 {{significant}}',
    enter: '进入企业',
  },
} as const;

export type OversightMessages = Widen<typeof oversightMessages>;
