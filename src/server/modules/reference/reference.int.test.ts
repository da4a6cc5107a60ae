import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceSetNames } from '../../../reference/index-of-sets.js';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';

describe.skipIf(!isDbAvailable())('reference sets and the evaluation preview', () => {
  let t: TestApp;
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000 });
    const e = await createEnterpriseWithUsers(t.deps, 'ref', ['worker']);
    cookie = await t.login(e.usernames.worker as string);
  });
  afterAll(() => t.close());

  it('serves every reference set with its source, localised', async () => {
    for (const name of referenceSetNames) {
      const zh = await t.request(cookie, 'GET', `/api/v1/reference/${name}`);
      expect(zh.statusCode, name).toBe(200);
      expect(zh.json().source.standard, name).toBeTruthy();
    }
    const zh = (await t.request(cookie, 'GET', '/api/v1/reference/accident-types')).json();
    const en = (await t.request(cookie, 'GET', '/api/v1/reference/accident-types', undefined, { 'accept-language': 'en-US' })).json();
    expect(zh.items).toHaveLength(20);
    expect(zh.items[0].label).toBe('物体打击');
    expect(en.items[0].label).toMatch(/struck/i);
    expect((await t.request(cookie, 'GET', '/api/v1/reference/nope')).statusCode).toBe(404);
  });

  it('evaluates LEC, LS and direct judgement without storing anything', async () => {
    const lec = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LEC', L: 6, E: 3, C: 7 });
    expect(lec.statusCode).toBe(200);
    expect(lec.json()).toMatchObject({ score: 126, level: 'general', colour: 'yellow', profile: 'lec-common' });
    const ls = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LS', L: 4, S: 4 });
    expect(ls.json()).toMatchObject({ score: 16, level: 'significant', colour: 'orange', profile: 'ls-common' });
    const direct = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', {
      method: 'DIRECT', deaths: 0, seriousInjuries: 0, majorPropertyLoss: false, legalViolation: false,
      minorInjuryAccidents: 2, majorHazardInstallation: false, hazardPlace: null, peopleAtOnce: 1,
      base: { method: 'LEC', L: 1, E: 1, C: 1 },
    });
    expect(direct.json()).toMatchObject({ method: 'DIRECT', level: 'significant', score: 1 });
    expect(direct.json().firedRules.map((f: { rule: string }) => f.rule)).toEqual(['minor-injuries-1-2']);
  });

  it('refuses out-of-table values and unfounded direct judgements with 400 naming the field', async () => {
    const lec = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LEC', L: 7, E: 3, C: 7 });
    expect(lec.statusCode).toBe(400);
    expect(lec.json()).toMatchObject({ code: 'OUT_OF_TABLE', errors: [{ path: 'L' }] });
    const profile = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'LS', L: 1, S: 1, profile: 'made-up' });
    expect(profile.json()).toMatchObject({ code: 'UNKNOWN_PROFILE', errors: [{ path: 'profile' }] });
    const none = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', {
      method: 'DIRECT', deaths: 0, seriousInjuries: 0, majorPropertyLoss: false, legalViolation: false,
      minorInjuryAccidents: 0, majorHazardInstallation: false, hazardPlace: null, peopleAtOnce: 0,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('NO_RULE_FIRED');
    const method = await t.request(cookie, 'POST', '/api/v1/risk-evaluations', { method: 'GUESS' });
    expect(method.statusCode).toBe(400);
  });
});
