import { describe, expect, it } from 'vitest';
import { chainHeads, chainKey, type ChainEntry, currentSignatures, describeDevice, headOf, isSignedBy, missingSignatures, nextEntry } from './sign-off-chain.js';

let n = 0;
const entry = (over: Partial<ChainEntry>): ChainEntry => ({
  id: `e${++n}`,
  subjectRevision: '1',
  role: 'worker',
  personId: 'p1',
  action: 'sign',
  supersedesId: null,
  signedAt: `2026-12-01T08:00:${String(n).padStart(2, '0')}Z`,
  ...over,
});

describe('sign-off chains', () => {
  it('a first signature is in force; a revocation withdraws it; signing again restores it', () => {
    const a = entry({});
    expect(isSignedBy([a], '1', 'worker', 'p1')).toBe(true);
    const b = entry({ action: 'revoke', supersedesId: a.id });
    expect(isSignedBy([a, b], '1', 'worker', 'p1')).toBe(false);
    expect(headOf([a, b], '1', 'worker', 'p1')?.id).toBe(b.id);
    const c = entry({ supersedesId: b.id });
    expect(isSignedBy([a, b, c], '1', 'worker', 'p1')).toBe(true);
    expect(currentSignatures([c, a, b], '1').map((e) => e.id)).toEqual([c.id]);
  });

  it('keeps roles and persons apart: a signature as guardian is not one as worker', () => {
    const g = entry({ role: 'guardian' });
    expect(isSignedBy([g], '1', 'worker', 'p1')).toBe(false);
    expect(isSignedBy([g], '1', 'guardian', 'p2')).toBe(false);
    expect(chainHeads([g, entry({ personId: 'p2' })], '1').size).toBe(2);
  });

  it('a signature on an earlier revision is history, not a signature of the current one', () => {
    const old = entry({ subjectRevision: '1' });
    expect(isSignedBy([old], '2', 'worker', 'p1')).toBe(false);
    expect(missingSignatures([{ personId: 'p1', role: 'worker' }], [old], '2')).toHaveLength(1);
  });

  it('lists the expected signatures still missing, in the given order', () => {
    const expected = [
      { personId: 'p1', role: 'worker', name: '张三' },
      { personId: 'p2', role: 'worker', name: '李四' },
      { personId: 'p3', role: 'approver', name: '王五' },
    ];
    const s1 = entry({ personId: 'p2' });
    const s2 = entry({ personId: 'p3', role: 'approver' });
    const r2 = entry({ personId: 'p3', role: 'approver', action: 'revoke', supersedesId: s2.id });
    expect(missingSignatures(expected, [s1, s2, r2], '1').map((x) => x.name)).toEqual(['张三', '王五']);
    expect(missingSignatures(expected, [s1, s2, entry({ personId: 'p1' })], '1')).toEqual([]);
  });

  it('a new signature supersedes nothing or a revocation; signing twice and revoking an absent signature are refused', () => {
    expect(nextEntry(null, 'sign')).toEqual({ ok: true, supersedesId: null });
    expect(nextEntry(null, 'revoke')).toEqual({ ok: false, reason: 'not_signed' });
    const a = entry({});
    expect(nextEntry(a, 'sign')).toEqual({ ok: false, reason: 'already_signed' });
    expect(nextEntry(a, 'revoke')).toEqual({ ok: true, supersedesId: a.id });
    const b = entry({ action: 'revoke', supersedesId: a.id });
    expect(nextEntry(b, 'sign')).toEqual({ ok: true, supersedesId: b.id });
    expect(nextEntry(b, 'revoke')).toEqual({ ok: false, reason: 'not_signed' });
  });

  it('gives two concurrent first signatures of the same slot the same chain key, and different slots different keys', () => {
    const base = { subjectType: 'work-permit', subjectId: 's1', subjectRevision: '', role: 'worker', personId: 'p1', supersedesId: null };
    expect(chainKey(base)).toBe(chainKey({ ...base }));
    expect(chainKey(base)).not.toBe(chainKey({ ...base, personId: 'p2' }));
    expect(chainKey(base)).not.toBe(chainKey({ ...base, role: 'guardian' }));
    expect(chainKey(base)).not.toBe(chainKey({ ...base, supersedesId: 'e1' }));
    expect(chainKey(base)).not.toBe(chainKey({ ...base, subjectRevision: '2' }));
  });
});

describe('describeDevice', () => {
  it('names the phone and the app a person signed in', () => {
    expect(describeDevice('Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 Chrome/86.0 Mobile MicroMessenger/8.0.40')).toBe('Android · WeChat');
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1')).toBe('iPhone · Safari');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 Edg/120.0')).toBe('Windows · Edge');
    expect(describeDevice('')).toBe('-');
    expect(describeDevice('curl/8.0')).toBe('curl/8.0');
  });
});
