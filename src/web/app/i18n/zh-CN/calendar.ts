import type { Widen } from '../widen';

/** 中文 — the compliance calendar and the home page charts (issue 15 §6–7). Assembled in ./index.ts; en-US/calendar.ts has exactly the same keys. */
export const calendarMessages = {
  calendarUi: {
    nav: '合规日历',
    title: '合规日历',
    hint: '各模块的到期事项（排查任务、整改期限、演练、预案评审、培训、证书、文件评审、定期辨识、内审等）按到期日排在月历上；颜色表示待办、已逾期、已完成。',
    earlier: '{{count}} 项更早到期、仍未办结',
    more: '还有 {{count}} 项',
    feed: {
      title: '订阅到手机日历（.ics）',
      hint: '生成一个只属于您的订阅地址，在手机日历中“添加订阅日历”粘贴即可看到您负责的到期事项（主要负责人、安全管理人员还包括未指定责任人的企业事项）。地址只显示一次；泄露时请重新生成或停用。',
      make: '生成订阅地址',
      remake: '重新生成（旧地址失效）',
      revoke: '停用',
      revokeConfirm: '停用后，已订阅的日历将不再更新。',
      active: '已于 {{at}} 生成订阅地址。',
    },
  },
  homeUi: {
    title: '首页',
    monthly: '本月安全概况',
    print: '打印月度一页纸',
    period: '{{month}} · 截至 {{today}}',
    loadingCharts: '图表加载中…',
    tableCaption: '图表数据',
    figures: { open: '未闭环隐患', overdue: '逾期隐患', openMajor: '未闭环重大隐患', overdueItems: '逾期事项' },
    charts: {
      riskByPost: { title: '各岗位风险等级', link: '风险清单', post: '岗位' },
      hazards: { title: '隐患发现与整改（近 6 个月）', link: '隐患台账', found: '发现', closed: '整改完成', month: '月份' },
      overdue: { title: '逾期事项', link: '待办事项', kind: '类别', count: '数量' },
      objectives: { title: '目标完成情况', link: '目标和管理方案', objective: '目标', target: '目标值', current: '当前值' },
      week: { title: '本周到期', link: '合规日历', day: '日期', count: '数量', none: '本周没有到期事项' },
    },
  },
} as const;

export type CalendarMessages = Widen<typeof calendarMessages>;
