import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('手指口述 cards (/api/v1/posts/:id/point-call-card)', () => {
  let t: TestApp;
  let w: World;
  let b: World;
  const path = () => `/api/v1/posts/${w.postId}/point-call-card`;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'pc');
    b = await hazardWorld(t, 'pcb');
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId,
      objectKind: 'equipment',
      objectName: '车床',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['03'],
      causes: '防护罩缺失',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [
        { type: 'administrative', phase: 'after', text: '停机清理铁屑', inspection: { content: '铁屑清理', method: 'look', period: 'shift' } },
        { type: 'engineering', phase: 'before', text: '开机前检查防护罩', inspection: { content: '防护罩完好', method: 'look', period: 'shift' } },
      ],
    });
    expect(risk.statusCode, risk.body).toBe(201);
  });
  afterAll(() => t.close());

  it("drafts the card from the post's measures before → after until it is saved", async () => {
    const res = await t.request(w.cookies.worker, 'GET', path());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isDraft: true, revision: 0, inspectionItemId: null, spotChecks: [] });
    expect(res.json().steps.map((s: { step: string; look: string }) => `${s.step} ${s.look}`)).toEqual(['作业前 开机前检查防护罩', '作业后 停机清理铁屑']);
  });

  it('saves the edited steps with the post\'s spot-check inspection item; a stale save is 409; a worker may not edit', async () => {
    const steps = [
      { step: '作业前', look: '防护罩', say: '防护罩完好，确认正常！' },
      { step: '作业中', look: '急停按钮', say: '急停按钮有效，确认正常！' },
    ];
    expect((await t.request(w.cookies.worker, 'PUT', path(), { steps, revision: 0 })).statusCode).toBe(403);
    const saved = await t.request(w.cookies.team_leader, 'PUT', path(), { steps, revision: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDraft: false, revision: 1, steps });
    const item = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/inspection-items/${saved.json().inspectionItemId}`)).json();
    expect(item).toMatchObject({ postId: w.postId, period: 'week' });
    expect(item.content).toContain('手指口述抽查');
    expect((await t.request(w.cookies.safety_manager, 'PUT', path(), { steps, revision: 0 })).statusCode).toBe(409);
    const empty = await t.request(w.cookies.safety_manager, 'PUT', path(), { steps: [], revision: 1 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('steps');
    expect((await t.request(w.cookies.safety_manager, 'PUT', path(), { steps: [...steps].reverse(), revision: 1 })).json().revision).toBe(2);
    const n = await sql<{ n: number }>`select count(*) as n from point_call_card_revision`.execute(t.deps.db);
    expect(Number(n.rows[0]?.n)).toBe(2);
  });

  it('records spot checks of the post\'s people, insert-only; refuses a person of another post or enterprise', async () => {
    const ok = await t.request(w.cookies.team_leader, 'POST', `/api/v1/posts/${w.postId}/point-call-spot-checks`, { performerPersonId: w.people.worker, isCorrect: true });
    expect(ok.statusCode, ok.body).toBe(201);
    const wrong = await t.request(w.cookies.team_leader, 'POST', `/api/v1/posts/${w.postId}/point-call-spot-checks`, { performerPersonId: w.people.worker, isCorrect: false, note: '漏指急停按钮' });
    expect(wrong.json().spotChecks.map((c: { isCorrect: boolean; performer: { name: string }; cardRevision: number }) => [c.performer.name, c.isCorrect, c.cardRevision])).toEqual([
      ['操作工', false, 2],
      ['操作工', true, 2],
    ]);
    const notOnPost = await t.request(w.cookies.team_leader, 'POST', `/api/v1/posts/${w.postId}/point-call-spot-checks`, { performerPersonId: w.people.dept_head, isCorrect: true });
    expect(notOnPost.statusCode).toBe(400);
    expect(notOnPost.json().errors[0].path).toBe('performerPersonId');
    const foreign = await t.request(w.cookies.team_leader, 'POST', `/api/v1/posts/${w.postId}/point-call-spot-checks`, { performerPersonId: b.people.worker, isCorrect: true });
    expect(foreign.statusCode).toBe(400);
    expect((await t.request(b.cookies.safety_manager, 'GET', path())).statusCode).toBe(404);
    expect((await t.request(b.cookies.safety_manager, 'POST', `/api/v1/posts/${w.postId}/point-call-spot-checks`, { nonsense: true })).statusCode).toBe(404);
    // No spot check before the post of B has a card.
    const noCard = await t.request(b.cookies.team_leader, 'POST', `/api/v1/posts/${b.postId}/point-call-spot-checks`, { performerPersonId: b.people.worker, isCorrect: true });
    expect(noCard.statusCode).toBe(409);
  });
});
