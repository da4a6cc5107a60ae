import { describe, expect, it } from 'vitest';
import { backoffMs, bodyOf } from './outbox';
import type { HazardEntry, InspectionEntry } from './outbox-store';

const base = { createdAt: '2026-11-23T06:00:00.000Z', label: 'x', attempts: 0, nextAttemptAt: 0, state: 'pending' as const, error: null };
const itemId = '01a20726-b995-7e88-a827-37027f1fb751';

describe('bodyOf', () => {
  it('sends an inspection as the server schema reads it, photos by their uploaded ids only', () => {
    const entry: InspectionEntry = {
      ...base,
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      kind: 'inspection',
      taskId: 't',
      postId: 'p',
      capturedAt: '2026-11-23T05:59:00.000Z',
      results: [{ itemId, result: 'fail', note: ' loose ', supersedesId: null, photoKeys: ['a', 'b'] }],
      photos: [
        { key: 'a', blob: null, uploadedId: '01a20726-0000-7000-8000-000000000001' },
        { key: 'b', blob: null, uploadedId: null },
      ],
    };
    expect(bodyOf(entry)).toEqual({
      clientId: entry.id,
      capturedAt: entry.capturedAt,
      results: [{ itemId, result: 'fail', note: 'loose', photoIds: ['01a20726-0000-7000-8000-000000000001'], supersedesId: null }],
    });
  });

  it('refuses a hazard report without words before it is kept', () => {
    const entry: HazardEntry = { ...base, id: '3b241101-e2bb-4255-8caf-4136c566a962', kind: 'hazard', postId: null, description: '  ', photos: [] };
    expect(() => bodyOf(entry)).toThrow();
  });
});

describe('backoffMs', () => {
  it('doubles from about 5 s and stops at about 5 minutes', () => {
    expect(backoffMs(1)).toBeGreaterThanOrEqual(4_000);
    expect(backoffMs(1)).toBeLessThanOrEqual(6_000);
    expect(backoffMs(3)).toBeGreaterThanOrEqual(16_000);
    expect(backoffMs(30)).toBeLessThanOrEqual(360_000);
    expect(backoffMs(30)).toBeGreaterThanOrEqual(240_000);
  });
});
