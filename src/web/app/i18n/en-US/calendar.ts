import type { CalendarMessages } from '../zh-CN/calendar';

/** English — the compliance calendar and the home page charts (issue 15 §6–7). */
export const calendarMessages: CalendarMessages = {
  calendarUi: {
    nav: 'Compliance calendar',
    title: 'Compliance calendar',
    hint: 'Every feature’s due items (inspections, rectification deadlines, drills, plan reviews, training, certificates, document reviews, re-identification, audits…) on a month view by due date; the colour tells due, overdue or done.',
    earlier: '{{count}} items due earlier are still open',
    more: '{{count}} more',
    feed: {
      title: 'Subscribe in a phone calendar (.ics)',
      hint: 'Make a subscription address of your own and add it to your phone calendar as a subscribed calendar to see the items you own (the principal and safety managers also get the enterprise’s items with no owner). The address is shown once; if it leaks, make a new one or revoke it.',
      make: 'Make the address',
      remake: 'Make a new one (the old one stops working)',
      revoke: 'Revoke',
      revokeConfirm: 'Subscribed calendars stop updating once revoked.',
      active: 'An address was made on {{at}}.',
    },
  },
  homeUi: {
    title: 'Home',
    monthly: 'Safety this month',
    print: 'Print the monthly one-pager',
    period: '{{month}} · as of {{today}}',
    loadingCharts: 'Loading charts…',
    tableCaption: 'Chart data',
    figures: { open: 'Open hazards', overdue: 'Overdue hazards', openMajor: 'Open major hazards', overdueItems: 'Overdue items' },
    charts: {
      riskByPost: { title: 'Risk levels by post', link: 'Risk register', post: 'Post' },
      hazards: { title: 'Hazards found and closed (last 6 months)', link: 'Hazard ledger', found: 'Found', closed: 'Closed', month: 'Month' },
      overdue: { title: 'Overdue items', link: 'Due items', kind: 'Kind', count: 'Count' },
      objectives: { title: 'Objectives against target', link: 'Objectives', objective: 'Objective', target: 'Target', current: 'Current' },
      week: { title: 'Due this week', link: 'Calendar', day: 'Day', count: 'Count', none: 'Nothing due this week' },
    },
  },
};
