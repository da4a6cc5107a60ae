import { describe, expect, it } from 'vitest';
import { changeSteps, changeTransition, isEditable } from './change-lifecycle.js';

describe('change request lifecycle', () => {
  it('walks requested → reviewed → approved → implemented → closed', () => {
    expect(changeTransition('requested', 'review')).toEqual({ ok: true, to: 'reviewed' });
    expect(changeTransition('reviewed', 'approve')).toEqual({ ok: true, to: 'approved' });
    expect(changeTransition('approved', 'implement')).toEqual({ ok: true, to: 'implemented' });
    expect(changeTransition('implemented', 'close')).toEqual({ ok: true, to: 'closed' });
  });
  it('approves nothing before the risk review and ends a rejected request', () => {
    expect(changeTransition('requested', 'approve')).toEqual({ ok: false, needs: 'reviewed' });
    expect(changeTransition('reviewed', 'reject')).toEqual({ ok: true, to: 'rejected' });
    for (const step of changeSteps) expect(changeTransition('rejected', step).ok).toBe(false);
    for (const step of changeSteps) expect(changeTransition('closed', step).ok).toBe(false);
  });
  it('is edited only while requested', () => {
    expect(isEditable('requested')).toBe(true);
    expect(isEditable('reviewed')).toBe(false);
  });
});
