/* Test set-up shared by the inspection integration suites: an enterprise with a post, a worker who
 * is a person holding it (login linked through membership.person_id), and a risk whose measures
 * become items. */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

export interface InspectionFixture {
  t: TestApp;
  enterpriseId: string;
  manager: string;
  worker: string;
  postId: string;
  personId: string;
  measureIds: string[];
  otherManager: string;
  /** Sessions idle out when the test clock jumps: log everyone in again. */
  relogin(): Promise<void>;
}

export async function createInspectionFixture(prefix: string, itemPeriod = 'shift'): Promise<InspectionFixture> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-insp-'));
  const t = await createTestApp({ loginRatePerMinute: 10_000, dataDir });
  const a = await createEnterpriseWithUsers(t.deps, `${prefix}a`, ['safety_manager', 'worker']);
  const b = await createEnterpriseWithUsers(t.deps, `${prefix}b`, ['safety_manager']);
  const manager = await t.login(a.usernames.safety_manager as string);
  const otherManager = await t.login(b.usernames.safety_manager as string);
  const post = await t.request(manager, 'POST', '/api/v1/posts', { name: '车床工', kind: 'operation' });
  expect(post.statusCode, post.body).toBe(201);
  const postId = post.json().id as string;
  const person = await t.request(manager, 'POST', '/api/v1/people', { name: '张三', postIds: [postId] });
  const personId = person.json().id as string;
  const workerUser = await t.deps.db.selectFrom('user').select('id').where('username', '=', a.usernames.worker as string).executeTakeFirstOrThrow();
  await t.deps.db.updateTable('membership').set({ person_id: personId }).where('user_id', '=', workerUser.id).execute();
  const risk = await t.request(manager, 'POST', '/api/v1/risks', {
    postId,
    objectKind: 'equipment',
    objectName: '车床',
    hazardFactorCodes: ['2101'],
    accidentTypeCodes: ['03'],
    causes: '防护缺失',
    evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
    measures: [
      { type: 'engineering', phase: 'during', text: '防护罩完好', inspection: { content: '检查防护罩', method: 'look', period: itemPeriod, responsiblePersonId: personId } },
      { type: 'ppe', phase: 'before', text: '佩戴护目镜', inspection: { content: '检查护目镜佩戴', method: 'look', period: itemPeriod, responsibleIsPostHolders: true } },
    ],
  });
  expect(risk.statusCode, risk.body).toBe(201);
  const detail = (await t.request(manager, 'GET', `/api/v1/risks/${risk.json().id}`)).json();
  // Tasks run the published list (seed 001 第十三条).
  const published = await t.request(manager, 'POST', `/api/v1/posts/${postId}/inspection-list/publish`);
  expect(published.statusCode, published.body).toBe(201);
  const worker = await t.login(a.usernames.worker as string);
  const fixture: InspectionFixture = {
    t,
    enterpriseId: a.enterpriseId,
    manager,
    worker,
    postId,
    personId,
    measureIds: (detail.measures as { id: string }[]).map((m) => m.id),
    otherManager,
    relogin: async () => {
      fixture.manager = await t.login(a.usernames.safety_manager as string);
      fixture.worker = await t.login(a.usernames.worker as string);
      fixture.otherManager = await t.login(b.usernames.safety_manager as string);
    },
  };
  return fixture;
}

export async function countRows(t: TestApp, table: 'inspection_record' | 'inspection_task' | 'attachment', enterpriseId: string): Promise<number> {
  const r = await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return Number(r?.n ?? 0);
}
