import type { Widen } from '../widen';

/** 中文 — industry templates and the set-up wizard. Assembled in ./index.ts; en-US/templates.ts has exactly the same keys. */
export const templatesMessages = {
  templateUi: {
    nav: { wizard: '模板向导', newEnterprise: '新建企业', setup: '企业开通' },
    wizard: {
      title: '岗位风险模板向导',
      hint: '为“{{name}}”选择行业模板，一次生成岗位、风险（已评价）、管控措施和排查内容，之后都可修改。',
      stepIndustry: '选择行业',
      stepPosts: '勾选岗位',
      stepConfirm: '确认',
      stepDone: '完成',
      yourIndustry: '本企业行业',
      postCount: '{{count}} 个典型岗位',
      postsHint: '默认全部勾选；可修改定员人数，并为需要的岗位附加非常规作业风险（受限空间、动火、临时用电、高处作业、检维修）。',
      riskCount: '风险数',
      measureCount: '措施数',
      highestLevel: '最高等级',
      areas: '作业区域',
      areasPlaceholder: '输入或选择区域名称',
      peopleAtOnce: '{{name}}（{{hazards}}）同时作业人数',
      riskSets: '附加非常规作业',
      riskSetsPlaceholder: '不附加',
      next: '下一步',
      back: '上一步',
      confirmText: '将按“{{industry}}”模板创建 {{posts}} 个岗位、约 {{risks}} 条风险、{{measures}} 条以上管控措施及对应排查内容。',
      confirmHint: '创建后请结合本企业实际逐岗核对、修改。重复应用会再次创建同名岗位。',
      apply: '创建',
      doneTitle: '已按模板创建',
      doneCounts: '岗位 {{posts}} 个，风险 {{risks}} 条，管控措施 {{measures}} 条，排查内容 {{items}} 条。',
      toPosts: '查看岗位列表',
      toRegister: '查看风险清单',
    },
    newEnterprise: {
      title: '新建企业',
      hint: '登记企业基本信息，创建后自动进入该企业，然后用模板向导建立岗位和风险。',
      adminNote: '系统管理员创建企业后将以“咨询机构”身份加入该企业，以便完成初始设置。',
      creditCodeHint: '18 位，按 GB 32100 校验',
      regionHint: '6 位行政区划代码，如 370102',
      submit: '创建并进入',
      back: '返回',
      created: '已创建“{{name}}”',
    },
  },
} as const;

export type TemplatesMessages = Widen<typeof templatesMessages>;
