import { describe, expect, it } from 'vitest';
import {
  afterActionDone,
  afterPlanning,
  capaEscalation,
  type CapaState,
  checkEffectivenessCheck,
  checkRiskCheck,
  isActionOverdue,
  isAnalysisComplete,
  roundForNewAction,
  statusAfterCheck,
} from './capa-lifecycle.js';

const analysed = { method: 'five_whys' as const, whys: ['护罩缺失', '检修后未复装'], fishbone: {}, rootCause: '检修后无复装确认' };
const base = (over: Partial<CapaState> = {}): CapaState => ({
  status: 'raised',
  round: 1,
  ownerPersonId: 'owner',
  analysis: { method: null, whys: [], fishbone: {}, rootCause: '' },
  actions: [],
  checkDueOn: null,
  ...over,
});
const action = (over: Partial<CapaState['actions'][number]> = {}) => ({ round: 1, ownerPersonId: 'doer', deadline: '2026-12-10', doneAt: null, ...over });
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as { refusal?: string }).refusal;
  }
  return null;
};

describe('CAPA lifecycle', () => {
  it('an analysis needs a method, its working and the root cause', () => {
    expect(isAnalysisComplete(base().analysis)).toBe(false);
    expect(isAnalysisComplete(analysed)).toBe(true);
    expect(isAnalysisComplete({ ...analysed, rootCause: ' ' })).toBe(false);
    expect(isAnalysisComplete({ ...analysed, whys: ['', ' '] })).toBe(false);
    expect(isAnalysisComplete({ method: 'fishbone', whys: [], fishbone: { machine: '护罩设计不便复装' }, rootCause: '设计' })).toBe(true);
    expect(isAnalysisComplete({ method: 'fishbone', whys: ['x'], fishbone: {}, rootCause: '设计' })).toBe(false);
  });

  it('raised → planned only with both the analysis and an action', () => {
    expect(afterPlanning(base({ analysis: analysed }))).toBe('raised');
    expect(afterPlanning(base({ actions: [action()] }))).toBe('raised');
    expect(afterPlanning(base({ analysis: analysed, actions: [action()] }))).toBe('planned');
    expect(refusal(() => afterPlanning(base({ status: 'effective' })))).toBe('closed');
  });

  it('the risk check comes before implementing, on a planned record only', () => {
    expect(refusal(() => checkRiskCheck(base({ status: 'planned', actions: [action()] })))).toBe('analysis_incomplete');
    expect(refusal(() => checkRiskCheck(base({ status: 'planned', analysis: analysed })))).toBe('no_action');
    expect(refusal(() => checkRiskCheck(base({ status: 'implementing', analysis: analysed, actions: [action()] })))).toBe('not_planned');
    expect(refusal(() => checkRiskCheck(base({ status: 'planned', analysis: analysed, actions: [action()] })))).toBeNull();
  });

  it('verifying once every action of the round is done, the check due the set days later', () => {
    const s = base({ status: 'implementing', analysis: analysed, actions: [action({ doneAt: 'x' }), action()] });
    expect(afterActionDone(s, '2026-12-01', 30)).toEqual({ status: 'implementing', checkDueOn: null });
    expect(afterActionDone({ ...s, actions: [action({ doneAt: 'x' }), action({ doneAt: 'y' })] }, '2026-12-01', 30)).toEqual({ status: 'verifying', checkDueOn: '2026-12-31' });
    // An earlier round's open action does not hold the round up.
    expect(afterActionDone({ ...s, round: 2, actions: [action(), action({ round: 2, doneAt: 'z' })] }, '2026-12-01', 0).status).toBe('verifying');
    expect(refusal(() => afterActionDone(base({ status: 'planned' }), '2026-12-01', 30))).toBe('not_implementing');
  });

  it('the effectiveness check: someone other than the owners, not before its day', () => {
    const s = base({ status: 'verifying', analysis: analysed, actions: [action({ doneAt: 'x' })], checkDueOn: '2026-12-31' });
    expect(refusal(() => checkEffectivenessCheck(s, 'checker', '2026-12-30'))).toBe('check_too_early');
    expect(refusal(() => checkEffectivenessCheck(s, 'owner', '2026-12-31'))).toBe('checker_is_owner');
    expect(refusal(() => checkEffectivenessCheck(s, 'doer', '2026-12-31'))).toBe('checker_is_owner');
    expect(refusal(() => checkEffectivenessCheck(s, 'checker', '2026-12-31'))).toBeNull();
    expect(refusal(() => checkEffectivenessCheck({ ...s, status: 'implementing' }, 'checker', '2027-01-01'))).toBe('not_verifying');
    expect(statusAfterCheck(true)).toBe('effective');
    expect(statusAfterCheck(false)).toBe('ineffective');
  });

  it('an ineffective record opens the next round with new actions, which need a new risk check', () => {
    expect(roundForNewAction(base({ status: 'ineffective', round: 1 }))).toEqual({ round: 2, status: 'planned' });
    expect(roundForNewAction(base({ status: 'implementing' }))).toEqual({ round: 1, status: 'planned' });
    expect(roundForNewAction(base({ status: 'raised' }))).toEqual({ round: 1, status: 'raised' });
    expect(refusal(() => roundForNewAction(base({ status: 'effective' })))).toBe('closed');
  });

  it('escalates overdue actions, a check left undone and an ineffective verdict; the deadline day is on time', () => {
    expect(isActionOverdue(action(), '2026-12-10')).toBe(false);
    expect(isActionOverdue(action(), '2026-12-11')).toBe(true);
    expect(isActionOverdue(action({ doneAt: 'x' }), '2026-12-11')).toBe(false);
    const s = base({ status: 'implementing', analysis: analysed, actions: [action(), action({ deadline: '2026-12-20' })] });
    expect(capaEscalation(s, '2026-12-10')).toMatchObject({ overdueActions: 0, escalates: false });
    expect(capaEscalation(s, '2026-12-11')).toMatchObject({ overdueActions: 1, escalates: true });
    expect(capaEscalation({ ...s, status: 'verifying', actions: [], checkDueOn: '2026-12-31' }, '2027-01-01')).toMatchObject({ isCheckOverdue: true, escalates: true });
    expect(capaEscalation(base({ status: 'ineffective' }), '2026-12-01')).toMatchObject({ isIneffective: true, escalates: true });
    expect(capaEscalation({ ...s, status: 'effective' }, '2027-06-01')).toMatchObject({ overdueActions: 0, escalates: false });
  });
});
