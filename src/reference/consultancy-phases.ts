import type { LocalizedText } from './localized-text';
import type { ReferenceSource } from './reference-source';

// Seed 002: the five phases of a consultancy taking an enterprise to safety-production
// standardization, each with its deliverables. `kind` says how the product handles one:
// 'report' — the product produces it as a .docx pre-filled from the enterprise's records;
// 'record' — the product has the record elsewhere (a training session, the risk register, the
// self-assessment) and the consultant ticks it when it exists; 'tracked' — a checklist item the
// consultant ticks. The deliverables' titles follow the seed; `dueDays` (days after the phase
// starts) are NOT FROM THE SEED — the seed gives no durations; they are product defaults that only
// decide when an open deliverable shows as overdue on the consultant's desk.
export const source: ReferenceSource = {
  standard: 'Seed 002 (咨询工作五个阶段)',
  edition: 'seed',
  title: { 'zh-CN': '安全生产标准化咨询工作的五个阶段及交付物', 'en-US': 'The five phases of standardization consultancy and their deliverables' },
  status: 'partly-confirmed',
  notes: ['Titles and order from seed 002; the due days are product defaults, not from the seed.', 'Phase 1 (四)账号注册 names sc.aqsc365.com as the seed does — UNCONFIRMED whether that site is still in use.'],
  urls: [],
};

export type DeliverableKind = 'report' | 'record' | 'tracked';
export type ReportKind = 'initial_diagnosis' | 'consulting_report' | 'progress_first' | 'progress_second' | 'progress_final';

export interface Deliverable {
  code: string;
  title: LocalizedText;
  kind: DeliverableKind;
  /** For kind 'report': which .docx the product produces. */
  report?: ReportKind;
  dueDays: number;
  /** The visit report closing the phase: the phase moves on only once it is produced. */
  closesPhase?: boolean;
}

export interface Phase {
  phase: 1 | 2 | 3 | 4 | 5;
  title: LocalizedText;
  deliverables: readonly Deliverable[];
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'en-US': en });

export const consultancyPhases: readonly Phase[] = [
  {
    phase: 1,
    title: t('第一阶段：初始状态评审', 'Phase 1: initial review'),
    deliverables: [
      { code: '1.kickoff', title: t('启动大会及《安全标准化培训记录（启动会议）》', 'Kick-off meeting and its training record'), kind: 'record', dueDays: 7 },
      { code: '1.basic-info', title: t('《创建安全标准化企业基本信息》', 'Enterprise basic-information form'), kind: 'tracked', dueDays: 14 },
      {
        code: '1.documents',
        title: t('企业提供资料清单：公司简介、责任制、制度、规程、台账、档案、法规、过去的事故事件', 'Documents collected: profile, responsibility system, rules, procedures, ledgers, files, regulations, past accidents and incidents'),
        kind: 'tracked',
        dueDays: 14,
      },
      { code: '1.awareness', title: t('安全生产标准化意识培训', 'Awareness training for management'), kind: 'record', dueDays: 14 },
      { code: '1.account', title: t('账号注册（sc.aqsc365.com）', 'Account registration (sc.aqsc365.com)'), kind: 'tracked', dueDays: 14 },
      { code: '1.site-walk', title: t('现场查看', 'Site walk'), kind: 'tracked', dueDays: 21 },
      { code: '1.initial-diagnosis', title: t('《初始诊断评估报告》', 'Initial diagnosis report'), kind: 'report', report: 'initial_diagnosis', dueDays: 30 },
      {
        code: '1.consulting-report',
        title: t('《安全生产标准化咨询报告（作业现场以及设备设施的安全隐患、问题及整改措施方案）》', 'Consultancy report (site and equipment hazards, problems and rectification plan)'),
        kind: 'report',
        report: 'consulting_report',
        dueDays: 30,
      },
      { code: '1.progress-first', title: t('《工作进展成效评估报告书（首次咨询）》', 'Progress evaluation report (first visit)'), kind: 'report', report: 'progress_first', dueDays: 30, closesPhase: true },
    ],
  },
  {
    phase: 2,
    title: t('第二阶段：策划及风险分析', 'Phase 2: planning and risk analysis'),
    deliverables: [
      { code: '2.working-group', title: t('《关于成立安全生产标准化建设工作组织的通知》', 'Notice setting up the standardization working group'), kind: 'tracked', dueDays: 14 },
      { code: '2.committee', title: t('安全生产委员会、领导小组和工作小组发文', 'Safety committee, leading group and working group by notice'), kind: 'tracked', dueDays: 14 },
      { code: '2.plan', title: t('《创建安全标准化的工作计划》和《安全标准化工作实施方案》', 'Work plan and implementation scheme'), kind: 'tracked', dueDays: 30 },
      { code: '2.risk-analysis', title: t('初步风险分析（物料、化学品、关键装置、作业场所、重点部位）', 'First risk analysis (materials, chemicals, key installations, places)'), kind: 'record', dueDays: 45 },
    ],
  },
  {
    phase: 3,
    title: t('第三阶段：安全生产标准化实施', 'Phase 3: implementation'),
    deliverables: [
      { code: '3.training', title: t('负责人及全员标准化培训', 'Training of managers and all staff'), kind: 'record', dueDays: 30 },
      { code: '3.objectives', title: t('《年度安全生产方针和目标》并分解到部门和车间', 'Yearly policy and objectives, broken down to departments'), kind: 'record', dueDays: 30 },
      { code: '3.legal-register', title: t('法律法规和技术标准资料库', 'Register of laws, regulations and standards'), kind: 'record', dueDays: 45 },
      { code: '3.risk-instruction', title: t('风险分析作业指导书', 'Risk-analysis work instruction'), kind: 'tracked', dueDays: 45 },
      { code: '3.rules-records', title: t('完善责任制、制度、规程、应急预案、台账和档案', 'Complete responsibility system, rules, procedures, emergency plans, ledgers and files'), kind: 'record', dueDays: 60 },
      { code: '3.recheck', title: t('咨询报告整改情况复查', "Re-check of the consultancy report's rectifications"), kind: 'tracked', dueDays: 60 },
      { code: '3.progress-second', title: t('《工作进展成效评估报告书（二次咨询）》', 'Progress evaluation report (second visit)'), kind: 'report', report: 'progress_second', dueDays: 60, closesPhase: true },
    ],
  },
  {
    phase: 4,
    title: t('第四阶段：安全生产标准化运行', 'Phase 4: operation'),
    deliverables: [
      { code: '4.guided-operation', title: t('指导运行、提出纠正要求并验证纠正效果', 'Guided operation, corrections and their verification'), kind: 'tracked', dueDays: 60 },
      { code: '4.equipment-tests', title: t('主要设备设施检测', 'Tests of the main equipment'), kind: 'tracked', dueDays: 60 },
      { code: '4.monitoring', title: t('噪声、粉尘、有害气体监测及职业卫生申报', 'Noise, dust and gas monitoring; occupational-health declaration'), kind: 'tracked', dueDays: 60 },
    ],
  },
  {
    phase: 5,
    title: t('第五阶段：评审', 'Phase 5: review'),
    deliverables: [
      { code: '5.assessors', title: t('内审员培训、考核与评聘', 'Internal assessors trained, examined and appointed'), kind: 'record', dueDays: 21 },
      { code: '5.self-assessment', title: t('自评（评分汇总表、扣分说明表、打分表、不符合项报告、自评报告）', 'Self-assessment (score summary, deductions, scoring sheets, nonconformities, report)'), kind: 'record', dueDays: 45 },
      { code: '5.progress-final', title: t('《工作进展成效评估报告书（末次咨询）》', 'Progress evaluation report (final visit)'), kind: 'report', report: 'progress_final', dueDays: 45, closesPhase: true },
      { code: '5.application', title: t('网上申报考评', 'Online application for the assessment'), kind: 'tracked', dueDays: 60 },
      { code: '5.findings', title: t('考评不符合项整改', "Rectification of the assessment's findings"), kind: 'tracked', dueDays: 90 },
    ],
  },
];

export function phaseOf(n: number): Phase | undefined {
  return consultancyPhases.find((p) => p.phase === n);
}

export function deliverableOf(code: string): (Deliverable & { phase: number }) | undefined {
  for (const p of consultancyPhases) {
    const d = p.deliverables.find((x) => x.code === code);
    if (d) return { ...d, phase: p.phase };
  }
  return undefined;
}
