import { sql } from 'kysely';
import { expect } from 'vitest';
import { createEnterpriseWithUsers } from '../../test/factories/enterprise.factory.js';
import type { TestApp } from '../../test/test-app.js';

export type Role = 'principal' | 'safety_manager' | 'dept_head' | 'team_leader' | 'worker' | 'regulator';
const roles: Role[] = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker', 'regulator'];

/**
 * An enterprise with one account per role; the dept head, team leader and worker are people of
 * one workshop (the worker in a team under it), linked to their accounts by membership.person_id.
 */
export async function hazardWorld(t: TestApp, prefix: string) {
  const e = await createEnterpriseWithUsers(t.deps, prefix, roles);
  const cookies = {} as Record<Role, string>;
  for (const r of roles) cookies[r] = await t.login(e.usernames[r] as string);
  const sm = cookies.safety_manager;
  const post = async (path: string, body: object) => {
    const res = await t.request(sm, 'POST', path, body);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(201);
    return res.json().id as string;
  };
  const workshop = await post('/api/v1/org-units', { name: `${prefix} 机加工车间`, kind: 'workshop' });
  const team = await post('/api/v1/org-units', { name: `${prefix} 一班`, kind: 'team', parentId: workshop });
  const postId = await post('/api/v1/posts', { name: `${prefix} 车床工`, kind: 'operation', orgUnitId: team });
  const areaId = await post('/api/v1/areas', { name: `${prefix} 机加工区` });
  const people = {
    dept_head: await post('/api/v1/people', { name: '车间主任', orgUnitId: workshop }),
    team_leader: await post('/api/v1/people', { name: '班长', orgUnitId: team, postIds: [postId] }),
    worker: await post('/api/v1/people', { name: '操作工', orgUnitId: team, postIds: [postId] }),
  };
  for (const [role, personId] of Object.entries(people)) {
    await sql`update membership set person_id = ${personId} where enterprise_id = ${e.enterpriseId}
      and user_id = (select id from ${sql.table('user')} where username = ${e.usernames[role]})`.execute(t.deps.db);
  }
  return { enterpriseId: e.enterpriseId, cookies, postId, areaId, people, workshop, team };
}

export type World = Awaited<ReturnType<typeof hazardWorld>>;

let seq = 0;
export const clientId = (tag = 'c') => `${tag}-${Date.now().toString(36)}-${(++seq).toString(36)}-client`;

export const fivePlan = (ownerPersonId: string, deadline: string) => ({
  measure: '更换防护罩，紧固螺栓',
  ownerPersonId,
  fundsCny: 1200.5,
  deadline,
  interimMeasure: '设置警戒区，停机挂牌',
});

export async function count(t: TestApp, table: string, where: string, value: string): Promise<number> {
  const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(where)} = ${value}`.execute(t.deps.db);
  return Number(r.rows[0]?.n);
}
