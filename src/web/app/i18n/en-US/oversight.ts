import type { OversightMessages } from '../zh-CN/oversight';

/** English — the regulator's overview and inbox. Same keys as zh-CN/oversight.ts. */
export const oversightMessages: OversightMessages = {
  oversightUi: {
    nav: 'Oversight',
    title: 'Oversight overview',
    hint: 'The enterprises linked to this account and their major-hazard reports. When an enterprise confirms a major hazard or completes its remediation, the report arrives here (seed 001 Art. 17).',
    inbox: 'Hazard report inbox',
    inboxEmpty: 'No reports',
    docx: 'Download report',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged',
    isAcknowledged: 'Acknowledged',
    kind: { major_hazard: 'Major hazard report', result: 'Remediation result report' },
    enterprise: 'Enterprise',
    industry: 'Industry',
    region: 'Region code',
    openMajor: 'Open major hazards',
    openHazards: 'Open hazards',
    unacknowledged: 'Reports to acknowledge',
    postLevels: 'Post risks',
    postLevelCounts: 'Major {{major}} / significant {{significant}}',
    enter: 'Open enterprise',
  },
};
