import { describe, expect, it } from 'vitest';
import { nextDraftNumber, withdraw } from '../approval/versioned-approval.js';
import { approveDocumentVersion, currentVersion, type DocumentVersionFacts, emptyContent, missingHeadings, reviewState, validityOf, validVersion } from './document-rules.js';

const written = { purpose: '目的', scope: '范围', terms: '', duties: '职责', controls: '控制要求', records: '记录' };
const v = (id: string, versionNo: number, status: DocumentVersionFacts['status'], over: Partial<DocumentVersionFacts> = {}): DocumentVersionFacts => ({
  id,
  versionNo,
  status,
  content: written,
  hasFile: false,
  ...over,
});

describe('document versions', () => {
  it('approval is required: a draft is never the valid version, approving it makes it the one current version', () => {
    const draft = [v('a', 1, 'draft')];
    expect(validVersion(draft, false)).toBeNull();
    const t = approveDocumentVersion(draft, 'a');
    expect(t).toEqual({ ok: true, changes: [{ id: 'a', to: 'approved' }] });
  });

  it('approving a second version supersedes the first; both are kept and the old one reads obsolete', () => {
    const versions = [v('a', 1, 'approved'), v('b', 2, 'draft')];
    const t = approveDocumentVersion(versions, 'b');
    expect(t).toEqual({ ok: true, changes: [{ id: 'a', to: 'superseded' }, { id: 'b', to: 'approved' }] });
    const after = versions.map((x) => ({ ...x, status: t.ok ? (t.changes.find((c) => c.id === x.id)?.to ?? x.status) : x.status }));
    expect(after.filter((x) => x.status === 'approved').map((x) => x.id)).toEqual(['b']);
    expect(currentVersion(after)?.id).toBe('b');
    expect(after.map((x) => validityOf(x.status, false))).toEqual(['obsolete', 'current']);
  });

  it('refuses to approve what is not the open draft, and a draft missing required headings (术语 is optional)', () => {
    expect(approveDocumentVersion([v('a', 1, 'approved')], 'a')).toMatchObject({ ok: false, reason: 'not_draft' });
    expect(approveDocumentVersion([v('a', 1, 'draft')], 'nope')).toMatchObject({ ok: false, reason: 'not_draft' });
    const thin = v('a', 1, 'draft', { content: { ...emptyContent(), purpose: '目的', controls: '  ' } });
    expect(approveDocumentVersion([thin], 'a')).toEqual({ ok: false, reason: 'incomplete', missing: ['scope', 'duties', 'controls', 'records'] });
    expect(missingHeadings({ content: written, hasFile: false })).toEqual([]);
  });

  it('an uploaded file stands for the text: a file-only draft is approvable', () => {
    expect(approveDocumentVersion([v('a', 1, 'draft', { content: emptyContent(), hasFile: true })], 'a')).toMatchObject({ ok: true });
  });

  it('withdrawal makes every live version obsolete and nothing valid; a withdrawn document takes no new draft', () => {
    const versions = [v('a', 1, 'superseded'), v('b', 2, 'approved'), v('c', 3, 'draft')];
    expect(withdraw(versions)).toEqual({ ok: true, changes: [{ id: 'b', to: 'obsolete' }, { id: 'c', to: 'obsolete' }] });
    expect(validVersion(versions, true)).toBeNull();
    expect(validityOf('approved', true)).toBe('obsolete');
    const gone = versions.map((x) => ({ ...x, status: 'obsolete' as const }));
    expect(nextDraftNumber(gone)).toEqual({ ok: false, reason: 'already_obsolete' });
    expect(nextDraftNumber([v('a', 1, 'approved')])).toEqual({ ok: true, versionNo: 2 });
    expect(nextDraftNumber([v('a', 1, 'approved'), v('b', 2, 'draft')])).toEqual({ ok: false, reason: 'draft_exists' });
  });
});

describe('reviewState', () => {
  it('is overdue the day after the date, soon within 30 days, ok beyond', () => {
    expect(reviewState(null, '2026-12-01')).toBe('none');
    expect(reviewState('2026-12-01', '2026-12-01')).toBe('soon');
    expect(reviewState('2026-11-30', '2026-12-01')).toBe('overdue');
    expect(reviewState('2026-12-31', '2026-12-01')).toBe('soon');
    expect(reviewState('2027-01-01', '2026-12-01')).toBe('ok');
  });
});
