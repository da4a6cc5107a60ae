/**
 * The hazardous-work permit (危险作业票) with 一备三查 (seed 003 附件2; issue 11 §3):
 *
 *   issued ──start (nothing blocks)──→ in_progress ──site cleared signed──→ closed
 *     │                                    │ (past its window: shown as expired; still closed by the site-cleared sign-off)
 *     └──cancel──→ cancelled               └──cancel──→ cancelled
 *
 * The work may start only when every listed worker has ticked all four checks of 一备三查 and
 * signed them, the approver has signed, the window is open, and — for the types that need it — a
 * passing gas reading is fresh. Pure: the service gathers the facts and asks here.
 */
import { gasReadingFreshMinutes, type PermitWorkType, type PreworkCheckCode, preworkCheckCodes, findPermitWorkTypeRule } from '../../reference/work-permit-rules.js';

export const permitStatuses = ['issued', 'in_progress', 'closed', 'cancelled'] as const;
export type PermitStatus = (typeof permitStatuses)[number];
export type EffectivePermitStatus = PermitStatus | 'expired';

export interface GasReadingFact {
  measuredAt: Date;
  isPass: boolean;
}

export interface PermitFacts {
  status: PermitStatus;
  workType: PermitWorkType;
  windowStart: Date;
  windowEnd: Date;
  workerIds: readonly string[];
  /** The four checks each worker ticked (their latest entry). */
  preworkTicks: ReadonlyMap<string, ReadonlySet<PreworkCheckCode>>;
  /** Workers whose 一备三查 signature is in force. */
  preworkSigned: ReadonlySet<string>;
  isApproverSigned: boolean;
  gasReadings: readonly GasReadingFact[];
  /** Safety measures whose responsible person has not confirmed them (their index). */
  unconfirmedMeasures: readonly number[];
  /** Workers lacking a required special-operation certificate, once certificates are recorded at all. */
  missingCertificates: readonly { personId: string; categories: readonly string[] }[];
}

export type StartBlocker =
  | { kind: 'wrong_status'; status: EffectivePermitStatus }
  | { kind: 'before_window' }
  | { kind: 'expired' }
  | { kind: 'no_workers' }
  | { kind: 'check_missing'; personId: string; checks: PreworkCheckCode[] }
  | { kind: 'worker_unsigned'; personId: string }
  | { kind: 'approver_unsigned' }
  | { kind: 'measure_unconfirmed'; index: number }
  | { kind: 'certificate_missing'; personId: string; categories: readonly string[] }
  | { kind: 'gas_reading_missing' }
  | { kind: 'gas_reading_stale' }
  | { kind: 'gas_reading_failed' };

/** An in-progress or issued permit past its window is expired (GB 30871: a permit is valid for its window only). */
export function effectivePermitStatus(status: PermitStatus, windowEnd: Date, now: Date): EffectivePermitStatus {
  if ((status === 'issued' || status === 'in_progress') && now.getTime() >= windowEnd.getTime()) return 'expired';
  return status;
}

export function missingChecks(ticks: ReadonlySet<PreworkCheckCode> | undefined): PreworkCheckCode[] {
  return preworkCheckCodes.filter((c) => !ticks?.has(c));
}

/** Everything that keeps the work from starting now, in the order a person would fix it; empty = may start. */
export function startBlockers(f: PermitFacts, now: Date): StartBlocker[] {
  const status = effectivePermitStatus(f.status, f.windowEnd, now);
  if (status === 'expired') return [{ kind: 'expired' }];
  if (status !== 'issued') return [{ kind: 'wrong_status', status }];
  const out: StartBlocker[] = [];
  if (now.getTime() < f.windowStart.getTime()) out.push({ kind: 'before_window' });
  if (f.workerIds.length === 0) out.push({ kind: 'no_workers' });
  for (const personId of f.workerIds) {
    const missing = missingChecks(f.preworkTicks.get(personId));
    if (missing.length) out.push({ kind: 'check_missing', personId, checks: missing });
    else if (!f.preworkSigned.has(personId)) out.push({ kind: 'worker_unsigned', personId });
  }
  for (const m of f.missingCertificates) out.push({ kind: 'certificate_missing', personId: m.personId, categories: m.categories });
  for (const index of f.unconfirmedMeasures) out.push({ kind: 'measure_unconfirmed', index });
  if (!f.isApproverSigned) out.push({ kind: 'approver_unsigned' });
  if (findPermitWorkTypeRule(f.workType)?.needsGasTest) {
    const latest = [...f.gasReadings].sort((a, b) => b.measuredAt.getTime() - a.measuredAt.getTime())[0];
    if (!latest) out.push({ kind: 'gas_reading_missing' });
    else if (!latest.isPass) out.push({ kind: 'gas_reading_failed' });
    else if (now.getTime() - latest.measuredAt.getTime() > gasReadingFreshMinutes * 60_000) out.push({ kind: 'gas_reading_stale' });
  }
  return out;
}

export type PermitAction = 'start' | 'close' | 'cancel';

/** Whether an action fits the permit's state (start has its own blockers above). */
export function mayTakeAction(action: PermitAction, status: EffectivePermitStatus, storedStatus: PermitStatus): boolean {
  if (action === 'close') return storedStatus === 'in_progress';
  if (action === 'cancel') return storedStatus === 'issued' || storedStatus === 'in_progress';
  return status === 'issued';
}

/** A sentence per blocker, naming people by name. */
export function describeStartBlocker(b: StartBlocker, nameOf: (personId: string) => string, checkLabel: (code: PreworkCheckCode) => { zh: string; en: string }): { 'zh-CN': string; 'en-US': string } {
  switch (b.kind) {
    case 'wrong_status':
      return { 'zh-CN': `作业票当前状态不能开始作业（${b.status}）`, 'en-US': `The permit cannot start in its current state (${b.status})` };
    case 'before_window':
      return { 'zh-CN': '尚未到作业时间', 'en-US': 'The work window has not begun' };
    case 'expired':
      return { 'zh-CN': '作业票已过有效期', 'en-US': 'The permit has expired' };
    case 'no_workers':
      return { 'zh-CN': '作业票未列出作业人员', 'en-US': 'The permit lists no workers' };
    case 'check_missing':
      return {
        'zh-CN': `${nameOf(b.personId)} 未完成一备三查：${b.checks.map((c) => checkLabel(c).zh).join('、')}`,
        'en-US': `${nameOf(b.personId)} has not done: ${b.checks.map((c) => checkLabel(c).en).join(', ')}`,
      };
    case 'worker_unsigned':
      return { 'zh-CN': `${nameOf(b.personId)} 未在一备三查上签字`, 'en-US': `${nameOf(b.personId)} has not signed the pre-work checks` };
    case 'measure_unconfirmed':
      return { 'zh-CN': `第 ${b.index + 1} 项安全措施未经责任人确认`, 'en-US': `Safety measure ${b.index + 1} is not confirmed by its responsible person` };
    case 'certificate_missing':
      return { 'zh-CN': `${nameOf(b.personId)} 没有有效的特种作业操作证（${b.categories.join('、')}）`, 'en-US': `${nameOf(b.personId)} holds no valid special-operation certificate (${b.categories.join(', ')})` };
    case 'approver_unsigned':
      return { 'zh-CN': '审批人未签字', 'en-US': 'The approver has not signed' };
    case 'gas_reading_missing':
      return { 'zh-CN': '此类作业须先进行气体检测并记录', 'en-US': 'This work needs a gas test reading first' };
    case 'gas_reading_failed':
      return { 'zh-CN': '最近一次气体检测不合格', 'en-US': 'The latest gas test failed' };
    case 'gas_reading_stale':
      return { 'zh-CN': `最近一次气体检测已超过 ${gasReadingFreshMinutes} 分钟，请重新检测`, 'en-US': `The latest gas test is older than ${gasReadingFreshMinutes} minutes; test again` };
  }
}
