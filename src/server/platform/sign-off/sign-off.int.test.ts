import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorld, type World } from '../../modules/hazards/hazard-test-setup.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { AppError } from '../http/app-error.js';
import { registerSignOffSubject } from './sign-off-registry.js';
import { listSignOffs } from './sign-off.service.js';

/* A subject kind for the test: "the post's crew confirms the checklist" — every person holding the
 * post signs as 'crew'; the first team leader person reviews. Open/closed and the revision are
 * switched by the test, and afterSign records (or refuses) what it saw. */
const state = { isOpen: true, revision: '1', reviewer: '' as string, hookCalls: [] as string[], hookThrows: false };
registerSignOffSubject({
  type: 'test-post-checklist',
  entity: 'post',
  async describe({ db, enterpriseId, subjectId }) {
    const post = await db.selectFrom('post').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', '=', subjectId).executeTakeFirst();
    if (!post) return null;
    const crew = await db.selectFrom('person_post').select('person_id').where('enterprise_id', '=', enterpriseId).where('post_id', '=', subjectId).execute();
    return {
      title: `${post.name} 检查表`,
      revision: state.revision,
      isOpen: state.isOpen,
      closedReason: state.isOpen ? null : { 'zh-CN': '作业已结束', 'en-US': 'the work has ended' },
      expected: [
        ...crew.map((c) => ({
          personId: c.person_id,
          role: 'crew',
          roleLabel: { 'zh-CN': '作业人员', 'en-US': 'Crew' },
          statement: { 'zh-CN': '本人已完成作业前检查。', 'en-US': 'I have done the pre-work checks.' },
        })),
        ...(state.reviewer ? [{ personId: state.reviewer, role: 'reviewer', roleLabel: { 'zh-CN': '审核人', 'en-US': 'Reviewer' }, statement: { 'zh-CN': '已审核。', 'en-US': 'Reviewed.' } }] : []),
      ],
    };
  },
  async afterSign({ signOff }) {
    if (state.hookThrows) throw new AppError('CONFLICT', { detail: 'hook refused' });
    state.hookCalls.push(`${signOff.action}:${signOff.personName}`);
  },
});

const type = 'test-post-checklist';
const phoneUa = 'Mozilla/5.0 (Linux; Android 12; M2012K11AC) AppleWebKit/537.36 Chrome/86.0 Mobile MicroMessenger/8.0.40';

async function drawnSignature(): Promise<string> {
  const strokes = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 90 C 60 10, 100 110, 140 40 S 220 100, 280 30" stroke="#000" stroke-width="5" fill="none"/></svg>',
  );
  const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: strokes }])
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe.skipIf(!isDbAvailable())('sign-offs (POST/GET /api/v1/sign-offs)', () => {
  let t: TestApp;
  let w: World;
  let helper: string; // a person on the post without an account: signs on the team leader's phone
  let outsider: string; // a person of the enterprise not on the post
  let otherWorkerCookie: string; // a worker account of the same enterprise, not on the post
  let foreign: { personId: string; postId: string; cookie: string };
  let signature: string;

  const sign = (cookie: string, body: object, headers: Record<string, string> = { 'user-agent': phoneUa }) =>
    t.request(cookie, 'POST', '/api/v1/sign-offs', { subjectType: type, subjectId: w.postId, role: 'crew', method: 'session', ...body }, headers);
  const sheet = async (cookie = w.cookies.safety_manager, subjectId = w.postId) => {
    const res = await t.request(cookie, 'GET', `/api/v1/sign-offs?subjectType=${type}&subjectId=${subjectId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rowsOf = (personId: string) =>
    t.deps.db.selectFrom('sign_off').selectAll().where('person_id', '=', personId).orderBy('signed_at').orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sk-signoff-')) });
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    w = await hazardWorld(t, 'sgn');
    const create = async (body: object) => {
      const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/people', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    helper = await create({ name: '辅助工 王五', postIds: [w.postId] });
    outsider = await create({ name: '仓管 赵六' });
    state.reviewer = w.people.team_leader;
    const extra = await createEnterpriseWithUsers(t.deps, 'sgnx', ['worker']);
    // The extra enterprise's worker becomes a member of w's enterprise too, without a person there.
    const { addMembership } = await import('../../modules/auth/auth.service.js');
    const user = await t.deps.db.selectFrom('user').select('id').where('username', '=', extra.usernames.worker as string).executeTakeFirstOrThrow();
    await t.deps.db.transaction().execute((trx) => addMembership(t.deps, trx, { userId: user.id, enterpriseId: w.enterpriseId, role: 'worker' }));
    otherWorkerCookie = await t.login(extra.usernames.worker as string);
    await t.request(otherWorkerCookie, 'POST', '/api/v1/auth/active-enterprise', { enterpriseId: w.enterpriseId });
    const b = await hazardWorld(t, 'sgnb');
    foreign = { personId: b.people.worker, postId: b.postId, cookie: b.cookies.safety_manager };
    signature = await drawnSignature();
  });
  afterAll(() => t.close());

  it('records a logged-in signature with the statement, server and phone time, device and address', async () => {
    const res = await sign(w.cookies.worker, { personId: w.people.worker, clientSignedAt: '2026-12-01T09:59:30+08:00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      personId: w.people.worker,
      personName: '操作工',
      method: 'session',
      action: 'sign',
      statement: '本人已完成作业前检查。',
      signedAt: '2026-12-01T02:00:00.000Z',
      clientSignedAt: '2026-12-01T01:59:30.000Z',
      device: 'Android · WeChat',
      userAgent: phoneUa,
      signatureAttachmentId: null,
      isCurrent: true,
    });
    expect(res.json().ip).not.toBe('');
    const s = await sheet();
    expect(s.title).toBe('sgn 车床工 检查表');
    expect(s.expected.find((x: { personId: string }) => x.personId === w.people.worker)).toMatchObject({ roleLabel: '作业人员', signedAt: '2026-12-01T02:00:00.000Z' });
    expect(s.expected.find((x: { personId: string }) => x.personId === helper).signOffId).toBeNull();
    expect(state.hookCalls).toContain('sign:操作工');
  });

  it('refuses a second signature of the same slot with 409, and of simultaneous ones keeps exactly one', async () => {
    const again = await sign(w.cookies.worker, { personId: w.people.worker });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_SIGNED');
    expect(again.json().detail).toContain('操作工');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => sign(w.cookies.team_leader, { personId: w.people.team_leader })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    expect((await rowsOf(w.people.team_leader)).filter((r) => r.role === 'crew')).toHaveLength(1);
  });

  it("takes a name picked on the team leader's phone with a drawn PNG signature, stamped and served as PNG", async () => {
    const res = await sign(w.cookies.team_leader, { personId: helper, method: 'drawn', signatureImage: signature });
    expect(res.statusCode, res.body).toBe(201);
    const dto = res.json();
    expect(dto).toMatchObject({ method: 'drawn', personName: '辅助工 王五', userDisplayName: 'sgn_team_leader' });
    const image = await t.request(w.cookies.worker, 'GET', `/api/v1/attachments/${dto.signatureAttachmentId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toContain('image/png');
    const meta = await sharp(image.rawPayload).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(300);
    expect(meta.height).toBeGreaterThan(120); // the stamp band under the strokes
    const att = await t.deps.db.selectFrom('attachment').select('stamped_text').where('id', '=', dto.signatureAttachmentId).executeTakeFirstOrThrow();
    expect(att.stamped_text).toContain('辅助工 王五');
    expect(att.stamped_text).toContain('Android · WeChat');
  });

  it('refuses a drawn signature that is not a real PNG, is blank, or is missing — naming signatureImage, writing nothing', async () => {
    const jpeg = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#000' } }).jpeg().toBuffer();
    const blank = await sharp({ create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const truncated = Buffer.from(signature.split(',')[1] as string, 'base64').subarray(0, 60);
    const before = await t.deps.db.selectFrom('attachment').select('id').execute();
    for (const [bytes, code] of [
      [jpeg, 'NOT_AN_IMAGE'],
      [blank, 'VALIDATION'],
      [truncated, 'NOT_AN_IMAGE'],
    ] as const) {
      const ok = await t.request(w.cookies.team_leader, 'POST', '/api/v1/sign-offs', {
        subjectType: type,
        subjectId: w.postId,
        role: 'reviewer',
        personId: w.people.team_leader,
        method: 'drawn',
        signatureImage: `data:image/png;base64,${bytes.toString('base64')}`,
      });
      expect(ok.statusCode, ok.body).toBe(400);
      expect(ok.json().code).toBe(code);
      expect(ok.json().errors[0].path).toBe('signatureImage');
    }
    const missing = await sign(w.cookies.team_leader, { personId: helper, method: 'drawn' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('signatureImage');
    expect(await t.deps.db.selectFrom('attachment').select('id').execute()).toHaveLength(before.length);
    expect((await rowsOf(w.people.team_leader)).filter((r) => r.role === 'reviewer')).toHaveLength(0);
  });

  it("refuses another enterprise's person (as unknown) and its record (404), a person not expected (403) and a logged-in signature in another's name", async () => {
    const foreignPerson = await sign(w.cookies.team_leader, { personId: foreign.personId, method: 'drawn', signatureImage: signature });
    expect(foreignPerson.statusCode).toBe(400);
    expect(foreignPerson.json().errors[0].path).toBe('personId');
    const foreignSubject = await t.request(w.cookies.team_leader, 'POST', '/api/v1/sign-offs', { subjectType: type, subjectId: foreign.postId, role: 'crew', personId: w.people.team_leader, method: 'session' });
    expect(foreignSubject.statusCode).toBe(404);
    expect((await t.request(w.cookies.team_leader, 'GET', `/api/v1/sign-offs?subjectType=${type}&subjectId=${foreign.postId}`)).statusCode).toBe(404);
    const notListed = await sign(w.cookies.team_leader, { personId: outsider, method: 'drawn', signatureImage: signature });
    expect(notListed.statusCode).toBe(403);
    expect(notListed.json()).toMatchObject({ code: 'SIGN_OFF_NOT_EXPECTED' });
    expect(notListed.json().detail).toContain('仓管 赵六');
    const inOthersName = await sign(w.cookies.worker, { personId: helper });
    expect(inOthersName.statusCode).toBe(400);
    expect(inOthersName.json().errors[0].path).toBe('personId');
    const unknownKind = await t.request(w.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'no-such-kind', subjectId: w.postId, role: 'crew', personId: w.people.worker, method: 'session' });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().errors[0].path).toBe('subjectType');
    expect(await rowsOf(outsider)).toHaveLength(0);
    expect(await rowsOf(foreign.personId)).toHaveLength(0);
  });

  it('lets only a host role or a fellow signer hand over the phone for a drawn signature', async () => {
    // A worker account of the enterprise with no person on this post may not collect signatures.
    const res = await t.request(otherWorkerCookie, 'POST', '/api/v1/sign-offs', { subjectType: type, subjectId: w.postId, role: 'reviewer', personId: w.people.team_leader, method: 'drawn', signatureImage: signature });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    // The caller's own sheet says so.
    expect((await sheet(otherWorkerCookie)).me).toEqual({ personId: null, ownRoles: [], mayHostDrawn: false });
    expect((await sheet(w.cookies.worker)).me).toEqual({ personId: w.people.worker, ownRoles: ['crew'], mayHostDrawn: true });
  });

  it('withdraws a signature only as a new entry with a reason; signing again supersedes the withdrawal; the first entry is unchanged', async () => {
    const first = (await rowsOf(w.people.worker))[0];
    const noReason = await sign(w.cookies.worker, { personId: w.people.worker, action: 'revoke' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('note');
    t.clock.advanceMinutes(1);
    const revoke = await sign(w.cookies.worker, { personId: w.people.worker, action: 'revoke', note: '签错了岗位' });
    expect(revoke.statusCode, revoke.body).toBe(201);
    expect(revoke.json()).toMatchObject({ action: 'revoke', supersedesId: first?.id });
    expect((await sheet()).expected.find((x: { personId: string }) => x.personId === w.people.worker).signOffId).toBeNull();
    const revokeAgain = await sign(w.cookies.worker, { personId: w.people.worker, action: 'revoke', note: '再撤' });
    expect(revokeAgain.json().code).toBe('NOT_SIGNED');
    t.clock.advanceMinutes(1);
    const resign = await sign(w.cookies.worker, { personId: w.people.worker });
    expect(resign.statusCode).toBe(201);
    expect(resign.json().supersedesId).toBe(revoke.json().id);
    const rows = await rowsOf(w.people.worker);
    expect(rows.map((r) => r.action)).toEqual(['sign', 'revoke', 'sign']);
    expect(rows[0]).toEqual(first);
    const listed = await listSignOffs(t.deps.db, w.enterpriseId, type, w.postId, '1');
    expect(listed.filter((e) => e.personId === w.people.worker).map((e) => e.isCurrent)).toEqual([false, false, true]);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'sign_off').where('enterprise_id', '=', w.enterpriseId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['sign', 'revoke']));
    expect(audit.length).toBe((await t.deps.db.selectFrom('sign_off').select('id').where('enterprise_id', '=', w.enterpriseId).execute()).length);
    // A worker may not withdraw a colleague's signature.
    const colleague = await sign(w.cookies.worker, { personId: helper, action: 'revoke', note: '不对' });
    expect(colleague.statusCode).toBe(403);
  });

  it('replays a clientId once and answers with the entry recorded', async () => {
    const body = { personId: w.people.team_leader, role: 'reviewer', clientId: 'sgn-replay-0001' };
    const a = await sign(w.cookies.team_leader, body);
    expect(a.statusCode, a.body).toBe(201);
    const b = await sign(w.cookies.team_leader, body);
    expect(b.statusCode).toBeLessThan(300);
    expect(b.json().id).toBe(a.json().id);
    expect((await rowsOf(w.people.team_leader)).filter((r) => r.role === 'reviewer')).toHaveLength(1);
  });

  it('rolls back everything when the subject refuses in its afterSign hook (no row, no file row)', async () => {
    const before = await t.deps.db.selectFrom('attachment').select('id').execute();
    // The helper signed above; withdraw it so that a new signature would be allowed.
    const revoke = await sign(w.cookies.team_leader, { personId: helper, action: 'revoke', note: '重签' });
    expect(revoke.statusCode, revoke.body).toBe(201);
    state.hookThrows = true;
    const refused = await sign(w.cookies.team_leader, { personId: helper, method: 'drawn', signatureImage: signature });
    state.hookThrows = false;
    expect(refused.statusCode).toBe(409);
    expect((await rowsOf(helper)).map((r) => r.action)).toEqual(['sign', 'revoke']);
    expect(await t.deps.db.selectFrom('attachment').select('id').execute()).toHaveLength(before.length);
  });

  it('stops taking signatures when the subject closes, and counts only signatures of its current revision', async () => {
    state.isOpen = false;
    const closed = await sign(w.cookies.team_leader, { personId: helper, method: 'drawn', signatureImage: signature }, { 'accept-language': 'en-US' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toBe('This record takes no more signatures: the work has ended');
    state.isOpen = true;
    state.revision = '2';
    const s = await sheet();
    expect(s.subjectRevision).toBe('2');
    expect(s.expected.every((x: { signOffId: string | null }) => x.signOffId === null)).toBe(true);
    expect(s.items.every((x: { isCurrent: boolean }) => !x.isCurrent)).toBe(true);
    const fresh = await sign(w.cookies.worker, { personId: w.people.worker });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().subjectRevision).toBe('2');
    state.revision = '1';
  });

  it('refuses NUL characters and a phone clock far in the future, in the user language', async () => {
    const nul = await sign(w.cookies.worker, { personId: w.people.worker, action: 'revoke', note: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors[0].path).toBe('note');
    const future = await sign(w.cookies.worker, { personId: helper, method: 'drawn', signatureImage: signature, clientSignedAt: '2030-01-01T00:00:00Z' }, { 'accept-language': 'en-US' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'clientSignedAt', message: "The signing time is in the future; check the phone's clock" });
  });
});
