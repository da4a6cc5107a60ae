import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePostQuiz } from '../../../domain/frontline/post-quiz.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('应知应会 (/api/v1/posts/:id/quiz, /api/v1/post-knowledge-checks)', () => {
  let t: TestApp;
  let w: World;
  let b: World;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000, sessionAbsoluteHours: 1000 });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'kq');
    b = await hazardWorld(t, 'kqb');
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId,
      objectKind: 'equipment',
      objectName: '车床',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['03'],
      causes: '防护罩缺失',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'before', text: '开机前检查防护罩', inspection: { content: '防护罩完好', method: 'look', period: 'shift' } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    await sql`insert into post_emergency_info (post_id, enterprise_id, emergency_actions, updated_at) values (${w.postId}, ${w.enterpriseId}, ${'立即按下急停按钮'}, ${'2026-11-01T00:00:00Z'})`.execute(t.deps.db);
  });
  afterAll(() => t.close());

  const quiz = async (cookie = w.cookies.worker) => {
    const res = await t.request(cookie, 'GET', `/api/v1/posts/${w.postId}/quiz`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** The right answers, as the server will find them: the same facts and seed. */
  const rightAnswers = (q: { seed: string }) =>
    generatePostQuiz({ risks: [{ objectName: '车床', accidentTypeCodes: ['03'], measures: ['开机前检查防护罩'] }], emergencyActions: ['立即按下急停按钮'] }, q.seed).map((x) => x.answerIndex);

  it("gives five questions from the post's risk, measure and emergency action, answers withheld", async () => {
    const q = await quiz();
    expect(q.questions).toHaveLength(5);
    expect(q.questions[0]).not.toHaveProperty('answerIndex');
    const kinds = q.questions.map((x: { kind: string }) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['measure', 'accident_type', 'emergency']));
    expect(q.questions.flatMap((x: { options: string[] }) => x.options)).toEqual(expect.arrayContaining(['开机前检查防护罩', '机械伤害', '立即按下急停按钮']));
  });

  it("scores a worker's answers against the quiz of the seed and keeps the attempt; the worker sees only their own", async () => {
    const q = await quiz();
    const answers = rightAnswers(q);
    answers[0] = ((answers[0] ?? 0) + 1) % 4; // one wrong
    const res = await t.request(w.cookies.worker, 'POST', '/api/v1/post-knowledge-checks', { postId: w.postId, seed: q.seed, fingerprint: q.fingerprint, answers, isAcknowledged: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ personName: '操作工', postName: 'kq 车床工', score: 4, total: 5, isPassed: true, isAcknowledged: true });
    expect(res.json().questions[0]).toMatchObject({ chosenIndex: answers[0] });

    const q2 = await quiz(w.cookies.team_leader);
    const fail = await t.request(w.cookies.team_leader, 'POST', '/api/v1/post-knowledge-checks', { postId: w.postId, seed: q2.seed, fingerprint: q2.fingerprint, answers: [null, null, null, null, null], isAcknowledged: true });
    expect(fail.json()).toMatchObject({ personName: '班长', score: 0, isPassed: false });

    const mine = (await t.request(w.cookies.worker, 'GET', '/api/v1/post-knowledge-checks')).json().items;
    expect(mine.map((r: { personName: string }) => r.personName)).toEqual(['操作工']);
    const all = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/post-knowledge-checks?postId=${w.postId}&year=2026`)).json().items;
    expect(all.map((r: { personName: string; score: number }) => `${r.personName} ${r.score}`).sort()).toEqual(['操作工 4', '班长 0']);
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/post-knowledge-checks?year=2025')).json().items).toEqual([]);
    // Keyset pages: one result a page, the same results in the same order, then no cursor.
    const first = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/post-knowledge-checks?postId=${w.postId}&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/post-knowledge-checks?postId=${w.postId}&limit=1&cursor=${first.nextCursor}`)).json();
    expect([...first.items, ...second.items].map((r: { id: string }) => r.id)).toEqual(all.map((r: { id: string }) => r.id));
    expect(second.nextCursor).toBeNull();
    expect((await t.request(b.cookies.safety_manager, 'GET', '/api/v1/post-knowledge-checks')).json().items).toEqual([]);
  });

  it('refuses a quiz of a post that changed, an unacknowledged card, a wrong count, a foreign post; records nothing', async () => {
    const before = Number((await sql<{ n: number }>`select count(*) as n from post_knowledge_check`.execute(t.deps.db)).rows[0]?.n);
    const q = await quiz();
    const send = (body: object, cookie = w.cookies.worker) => t.request(cookie, 'POST', '/api/v1/post-knowledge-checks', { postId: w.postId, seed: q.seed, fingerprint: q.fingerprint, answers: [0, 0, 0, 0, 0], isAcknowledged: true, ...body });
    const unack = await send({ isAcknowledged: false });
    expect(unack.statusCode).toBe(400);
    expect(unack.json().errors[0].path).toBe('isAcknowledged');
    const short = await send({ answers: [0, 1] });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('answers');
    const foreign = await send({ postId: b.postId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('postId');
    expect((await t.request(b.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/quiz`)).statusCode).toBe(404);
    // The post gains an emergency action: the quiz drawn before no longer matches.
    await sql`update post_emergency_info set emergency_actions = ${'立即按下急停按钮\n报告班长'} where post_id = ${w.postId}`.execute(t.deps.db);
    const stale = await send({});
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('重新答题');
    const after = Number((await sql<{ n: number }>`select count(*) as n from post_knowledge_check`.execute(t.deps.db)).rows[0]?.n);
    expect(after).toBe(before);
  });

  it('keeps one attempt per client key: a concurrent duplicate is 409', async () => {
    const q = await quiz();
    const body = { postId: w.postId, seed: q.seed, fingerprint: q.fingerprint, answers: [0, 0, 0, 0, 0], isAcknowledged: true, clientId: 'quiz-client-0001' };
    const [r1, r2] = await Promise.all([t.request(w.cookies.worker, 'POST', '/api/v1/post-knowledge-checks', body), t.request(w.cookies.worker, 'POST', '/api/v1/post-knowledge-checks', body)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
  });
});
