import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0] as string;
const tokenOf = (path: string) => path.split('/').pop() as string;

describe.skipIf(!isDbAvailable())('logins for the enterprise\'s people and remembered phones (issue 8 §2, §3)', () => {
  let t: TestApp;
  let manager: string;
  let worker: string;
  let otherManager: string;
  const people: Record<string, string> = {};
  let logins: { manager: string; other: string };
  /** The tests move the clock by months: office sessions are opened again where needed. */
  const relogin = async () => {
    manager = await t.login(logins.manager);
    otherManager = await t.login(logins.other);
  };

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 120, sessionAbsoluteHours: 12, deviceSessionDays: 90, invitationDays: 7 });
    const a = await createEnterpriseWithUsers(t.deps, 'acc', ['safety_manager', 'worker']);
    const b = await createEnterpriseWithUsers(t.deps, 'accb', ['safety_manager']);
    logins = { manager: a.usernames.safety_manager as string, other: b.usernames.safety_manager as string };
    manager = await t.login(a.usernames.safety_manager as string);
    worker = await t.login(a.usernames.worker as string);
    otherManager = await t.login(b.usernames.safety_manager as string);
    for (const [key, name, phone] of [
      ['zhang', '张三', '13700000001'],
      ['li', '李四', '13700000002'],
      ['wang', '王五', null],
      ['zhao', '赵六', '13700000004'],
    ] as const) {
      const res = await t.request(manager, 'POST', '/api/v1/people', { name, phone, postIds: [] });
      expect(res.statusCode, res.body).toBe(201);
      people[key] = res.json().id;
    }
  });
  afterAll(() => t.close());

  it('creates logins for all selected people at once, by invitation; people with a login are skipped', async () => {
    const res = await t.request(manager, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhang, people.wang], role: 'worker', method: 'invitation' });
    expect(res.statusCode, res.body).toBe(201);
    const { created, skipped } = res.json();
    expect(skipped).toEqual([]);
    expect(created.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['张三', '王五']);
    const zhang = created.find((c: { displayName: string }) => c.displayName === '张三');
    expect(zhang.username).toBe('13700000001'); // the mobile number, when free, is the login name
    expect(zhang.invitationPath).toMatch(/^\/m\/invite\/[\w-]{40,}$/);
    expect(zhang.oneTimePassword).toBeUndefined();
    const accounts = (await t.request(manager, 'GET', '/api/v1/accounts')).json().items;
    expect(accounts.filter((a: { personId: string }) => [people.zhang, people.wang].includes(a.personId))).toHaveLength(2);
    // Again with one more person: the two who have a login are skipped, nothing changes for them.
    const again = await t.request(manager, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhang, people.wang, people.li], role: 'worker', method: 'password' });
    expect(again.json().skipped.map((s: { displayName: string }) => s.displayName).sort()).toEqual(['张三', '王五']);
    expect(again.json().created).toHaveLength(1);
    const li = again.json().created[0];
    expect(li.oneTimePassword).toMatch(/^[a-z2-9]{10}$/);
    // A one-time password works once as a password and must be replaced first.
    const liCookie = await t.login(li.username, li.oneTimePassword);
    expect((await t.request(liCookie, 'GET', '/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const log = (await t.request(manager, 'GET', '/api/v1/audit-log?entity=membership')).json().items;
    expect(log.filter((e: { action: string }) => e.action === 'create').length).toBeGreaterThanOrEqual(3);
  });

  it("refuses another enterprise's person, an unknown id, and callers who are not principal or safety manager", async () => {
    const foreign = await t.request(otherManager, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhao], role: 'worker', method: 'invitation' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('personIds.0');
    expect((await t.request(worker, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhao], role: 'worker', method: 'invitation' })).statusCode).toBe(403);
    const accountsOfA = (await t.request(manager, 'GET', '/api/v1/accounts')).json().items;
    expect(accountsOfA.some((a: { personId: string }) => a.personId === people.zhao)).toBe(false);
  });

  it('rolls the whole batch back when one phone number already belongs to another login', async () => {
    const clash = await t.request(manager, 'POST', '/api/v1/people', { name: '重号', phone: '13700000001', postIds: [] });
    const res = await t.request(manager, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhao, clash.json().id], role: 'worker', method: 'invitation' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0]).toEqual({ path: 'personIds.1', message: expect.stringContaining('13700000001 已用于另一个账号') });
    const accounts = (await t.request(manager, 'GET', '/api/v1/accounts')).json().items;
    expect(accounts.some((a: { personId: string }) => a.personId === people.zhao)).toBe(false);
  });

  it('an invitation sets the PIN on the phone once, keeps that phone signed in past the office limits, until it expires', async () => {
    const res = await t.request(manager, 'POST', '/api/v1/accounts/bulk', { personIds: [people.zhao], role: 'worker', method: 'invitation' });
    const path = res.json().created[0].invitationPath as string;
    const info = await t.request(null, 'GET', `/api/v1/public/invitations/${tokenOf(path)}`);
    expect(info.json()).toMatchObject({ displayName: '赵六', role: 'worker', isPasswordAsked: false, phone: '13700000004' });
    const badPin = await t.request(null, 'POST', `/api/v1/public/invitations/${tokenOf(path)}/accept`, { pin: '12ab' });
    expect(badPin.json().errors).toEqual([{ path: 'pin', message: 'PIN 码应为 6 位数字。' }]);
    const accepted = await t.request(null, 'POST', `/api/v1/public/invitations/${tokenOf(path)}/accept`, { pin: '135790' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ sessionKind: 'device', role: 'worker', personId: people.zhao });
    expect(String(accepted.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const phone = cookieOf(accepted);
    // Used once: the link is dead now.
    expect((await t.request(null, 'POST', `/api/v1/public/invitations/${tokenOf(path)}/accept`, { pin: '111111' })).statusCode).toBe(410);
    expect((await t.request(null, 'GET', `/api/v1/public/invitations/${tokenOf(path)}`)).json().code).toBe('INVITATION_INVALID');
    // Three days without use: an office session would have ended long ago; the phone is still signed in.
    t.clock.advanceMinutes(3 * 24 * 60);
    expect((await t.request(phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(86 * 24 * 60);
    expect((await t.request(phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advanceMinutes(2 * 24 * 60); // 91 days after sign-in
    expect((await t.request(phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    // Phone number + PIN signs the phone in again.
    const again = await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '135790' });
    expect(again.statusCode).toBe(200);
    expect(again.json().sessionKind).toBe('device');
  });

  it('an invitation expires after INVITATION_DAYS, and a new one replaces the old', async () => {
    await relogin();
    const account = (await t.request(manager, 'GET', '/api/v1/accounts')).json().items.find((a: { personId: string }) => a.personId === people.wang);
    const first = await t.request(manager, 'POST', `/api/v1/accounts/${account.userId}/invitation`);
    const second = await t.request(manager, 'POST', `/api/v1/accounts/${account.userId}/invitation`);
    expect((await t.request(null, 'GET', `/api/v1/public/invitations/${tokenOf(first.json().invitationPath)}`)).statusCode).toBe(410);
    expect((await t.request(null, 'GET', `/api/v1/public/invitations/${tokenOf(second.json().invitationPath)}`)).statusCode).toBe(200);
    // Another enterprise's manager cannot invite A's login.
    expect((await t.request(otherManager, 'POST', `/api/v1/accounts/${account.userId}/invitation`)).statusCode).toBe(404);
    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    expect((await t.request(null, 'POST', `/api/v1/public/invitations/${tokenOf(second.json().invitationPath)}/accept`, { pin: '246802' })).statusCode).toBe(410);
  });

  it('the safety manager sees remembered phones and revokes one: that phone must sign in again', async () => {
    await relogin();
    const phone = cookieOf(await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '135790' }));
    const list = (await t.request(manager, 'GET', '/api/v1/device-sessions')).json().items;
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list[0]).toMatchObject({ displayName: '赵六', username: '13700000004' });
    const mine = (await t.request(phone, 'GET', '/api/v1/auth/me')).json();
    expect(mine.sessionKind).toBe('device');
    // B's manager cannot see or revoke A's phones.
    expect((await t.request(otherManager, 'GET', '/api/v1/device-sessions')).json().items).toEqual([]);
    expect((await t.request(otherManager, 'DELETE', `/api/v1/device-sessions/${list[0].id}`)).statusCode).toBe(404);
    for (const d of list) expect((await t.request(manager, 'DELETE', `/api/v1/device-sessions/${d.id}`)).statusCode).toBe(200);
    expect((await t.request(phone, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.request(manager, 'GET', '/api/v1/device-sessions')).json().items).toEqual([]);
    const log = (await t.request(manager, 'GET', '/api/v1/audit-log?entity=device_session')).json().items;
    expect(log[0].action).toBe('revoke');
  });

  it('locks the account after five wrong PINs, even for the right PIN, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: `00000${i}` })).statusCode).toBe(401);
    }
    expect((await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '000009' })).statusCode).toBe(423);
    expect((await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '135790' })).statusCode).toBe(423);
    t.clock.advanceMinutes(16);
    expect((await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '135790' })).statusCode).toBe(200);
  });

  it('signs in with the personal badge QR and the PIN; a reprinted badge replaces the old one', async () => {
    await relogin();
    const zhao = (await t.request(manager, 'GET', '/api/v1/accounts')).json().items.find((a: { personId: string }) => a.personId === people.zhao);
    expect(zhao.hasPin).toBe(true);
    const badges = await t.request(manager, 'POST', '/api/v1/accounts/badges', { userIds: [zhao.userId] });
    expect(badges.statusCode).toBe(201);
    const token = tokenOf(badges.json().items[0].badgePath);
    expect((await t.request(null, 'POST', '/api/v1/auth/badge-login', { token, pin: '135790' })).statusCode).toBe(200);
    expect((await t.request(null, 'POST', '/api/v1/auth/badge-login', { token, pin: '999999' })).statusCode).toBe(401);
    await t.request(manager, 'POST', '/api/v1/auth/device-login', { login: '13700000004', pin: '135790' }); // resets the failure count
    const reprint = await t.request(manager, 'POST', '/api/v1/accounts/badges', { userIds: [zhao.userId] });
    expect((await t.request(null, 'POST', '/api/v1/auth/badge-login', { token, pin: '135790' })).statusCode).toBe(401);
    expect((await t.request(null, 'POST', '/api/v1/auth/badge-login', { token: tokenOf(reprint.json().items[0].badgePath), pin: '135790' })).statusCode).toBe(200);
    // Only the enterprise's own logins get badges.
    expect((await t.request(otherManager, 'POST', '/api/v1/accounts/badges', { userIds: [zhao.userId] })).statusCode).toBe(400);
  });
});

describe.skipIf(!isDbAvailable())('PIN sign-in rate limit', () => {
  it('answers 429 after too many PIN attempts from one address in a minute', async () => {
    const t = await createTestApp({ loginRatePerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.request(null, 'POST', '/api/v1/auth/device-login', { login: '13700000009', pin: '123456' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
