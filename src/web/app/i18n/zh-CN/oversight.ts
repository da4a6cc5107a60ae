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

/** 中文 — the county view (issue 17). */
export const countyMessages = {
  countyUi: {
    nav: '辖区企业',
    title: '辖区企业',
    titleOf: '辖区企业 · {{name}}',
    hint: '本辖区全部企业的风险与隐患情况（数据每 5 分钟汇总一次，可点“刷新数据”立即更新）。点击一行查看企业详情（只读）。',
    refresh: '刷新数据',
    refreshed: '已更新 {{n}} 家企业的数据',
    export: '导出 Excel',
    town: '乡镇（街道）',
    industry: '行业',
    size: '规模',
    grade: '监管等级',
    enterprise: '企业',
    posts: '岗位风险',
    postCounts: '重大 {{major}} / 较大 {{significant}}',
    openHazards: '未闭环隐患',
    overdue: '超期',
    major: '重大隐患',
    stopWork: '停产停业',
    inForce: '停产中',
    inspection: '排查完成率',
    training: '培训合格率',
    score: '自评得分',
    lastActivity: '最近活动',
    demonstration: '示范企业',
    more: '加载更多',
    filter: { hasOpenMajorHazard: '有重大事故隐患', hasOverdueHazard: '有超期隐患', hasStopWork: '停产停业中', isDemonstration: '示范企业' },
    priority: '{{month}} 月重点检查企业（按监管等级）',
    priorityEmpty: '本月没有需要检查的企业',
    open: '查看',
    headcount: '从业人数',
    address: '地址',
    principal: '主要负责人',
    refreshedAt: '数据时间',
    noReason: '各项指标均满足要求',
    yes: '是',
    no: '否',
    saved: '已保存',
  },
  campaignUi: {
    notice: '县局自评估活动「{{title}}」：请于 {{deadline}} 前用本系统完成自评',
    title: '自评估活动',
    hint: '县局组织企业按评分表自评（依据 003 号文要求（三））：选评分表、截止日期和覆盖的乡镇（不选即全县）。',
    create: '发起活动',
    name: '活动名称',
    sheet: '评分表',
    starterSheet: 'GB/T 33000 入门评分表',
    deadline: '截止日期',
    towns: '覆盖乡镇（不选为全县）',
    wholeCounty: '全县',
    created: '活动已发起',
    progress: '进度',
    town: '乡镇（街道）',
    noTown: '未分配乡镇',
    enterprises: '企业数',
    notStarted: '未开始',
    inProgress: '进行中',
    completed: '已完成',
    onTime: '按期',
    late: '逾期',
    enterprise: '企业',
    status: '状态',
    score: '得分',
    completedAt: '完成时间',
    none: '暂无自评估活动',
  },
} as const;

export type CountyMessages = Widen<typeof countyMessages>;

/** 中文 — 16号令 statistics submitted to the bureau (issue 17). */
export const statisticsMessages = {
  statisticsUi: {
    submit: '报送安监部门',
    submitted: '已报送',
    sent: '已于 {{at}} 报送',
    sentLate: '已于 {{at}} 逾期报送',
    notEnded: '期间结束后才能报送',
    inbox: '隐患排查治理统计报送（16号令第十四条）',
    late: '逾期报送',
    figures: '发现 {{found}}（重大 {{major}}），整改 {{fixed}}',
    lateTitle: '{{period}}（应于 {{due}} 前报送）未按期报送：{{n}} 家',
    more: '另有 {{n}} 家',
  },
} as const;

export type StatisticsMessages = Widen<typeof statisticsMessages>;
