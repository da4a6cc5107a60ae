/* Issue 17: which of a user's memberships it may work in (the header's switcher, the switch itself,
 * where a login starts). A regulator with a jurisdiction works only in enterprises of its county (a
 * town user: of its town); a consultant of a consultancy only in the enterprises of the engagements it
 * works on. Every other membership stands, and so do the links of a regulator without a jurisdiction
 * or a consultant outside any consultancy (set enterprise by enterprise by the administrator). */
import type { Executor } from '../../db/with-transaction.js';
import { consultantEnterprises } from '../consultancy/engagement.service.js';
import { jurisdictionEnterprises } from '../oversight/county.service.js';
import * as repo from './auth.repository.js';

type Membership = Awaited<ReturnType<typeof repo.listMembershipsOfUser>>[number];

export async function workableMemberships(db: Executor, userId: string): Promise<Membership[]> {
  const all = await repo.listMembershipsOfUser(db, userId);
  const ids = (role: string) => all.filter((m) => m.role === role).map((m) => m.enterprise_id);
  const [county, engaged] = await Promise.all([
    ids('regulator').length ? jurisdictionEnterprises(db, userId, ids('regulator')) : null,
    ids('consultant').length ? consultantEnterprises(db, userId) : null,
  ]);
  return all.filter((m) => {
    if (m.role === 'regulator' && county) return county.has(m.enterprise_id);
    if (m.role === 'consultant' && engaged) return engaged.has(m.enterprise_id);
    return true;
  });
}

/**
 * Whether the regulator or consultant of a session still may work in the enterprise it switched into
 * (the enterprise left the county or town, the engagement ended or the team changed). Read with the
 * session (cached ≤ SESSION_CACHE_SECONDS, dropped in this process on every such change), so every
 * request re-checks it without a query of its own. Other roles: their membership is the right.
 */
export async function mayStillWorkIn(db: Executor, userId: string, enterpriseId: string, role: string): Promise<boolean> {
  if (role === 'regulator') {
    const county = await jurisdictionEnterprises(db, userId, [enterpriseId]);
    return !county || county.has(enterpriseId);
  }
  if (role === 'consultant') {
    const engaged = await consultantEnterprises(db, userId);
    return !engaged || engaged.has(enterpriseId);
  }
  return true;
}

export async function mayWorkIn(db: Executor, userId: string, enterpriseId: string): Promise<boolean> {
  return (await workableMemberships(db, userId)).some((m) => m.enterprise_id === enterpriseId);
}
