import type { Widen } from '../widen';

/** 中文 — safety signs (安全警示标志, seed 001 第十一条). Assembled in ./index.ts; en-US/safety-signs.ts has exactly the same keys. */
export const safetySignsMessages = {
  signUi: {
    nav: '安全警示标志',
    title: '安全警示标志台账',
    hint: '按 GB 2894 的禁止、警告、指令、提示四类登记每个区域、设备设施上的安全标志。第十一条：存在较大危险因素的场所和设备设施应设置明显的安全警示标志；每个区域的标志每月由检查岗位核对一次（排查清单中的一项，发布后生效）。',
    add: '登记标志',
    saved: '已登记；区域的标志检查项已更新，请发布该岗位的排查清单后生效',
    archive: '拆除',
    archiveConfirm: '标志已拆除？记录会保留为已拆除。',
    field: {
      category: '类别',
      common: '常用标志',
      name: '标志名称',
      place: '区域 / 设备',
      area: '所在区域',
      areaHint: '选择设备时可不填，按设备所在区域',
      equipment: '所在设备设施',
      location: '设置位置',
      quantity: '数量',
      installedOn: '设置日期',
      photo: '照片',
      checkPost: '检查岗位',
      checkPostHint: '本区域第一块标志时指定；不填则取在此区域作业的岗位',
    },
    gaps: {
      title: '{{count}} 处较大及以上风险的场所或设备未设置警告标志（第十一条）',
      kind: { area: '区域', equipment: '设备' },
      open: '去登记',
    },
    checks: {
      title: '各区域的标志检查（每月，纳入岗位排查清单）',
      by: '检查岗位：{{post}}',
      draft: '待发布',
      published: '已发布',
      openList: '打开排查清单',
    },
  },
} as const;

export type SafetySignsMessages = Widen<typeof safetySignsMessages>;
