import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../app-deps.js';
import { withTransaction, type Executor } from '../db/with-transaction.js';
import { creditCodeCheckChar } from '../../domain/enterprise/credit-code.js';
import type { EnterpriseRole } from '../../schemas/auth.js';
import type { AuthContext } from '../platform/auth/auth-context.js';
import { addMembership, createUser } from '../modules/auth/auth.service.js';
import { insertEnterpriseRecord } from '../modules/enterprise/enterprise.service.js';
import { createOrgServices } from '../modules/org/org.routes.js';
import { applyTemplate } from '../modules/templates/template-application.service.js';
import { demoPostAreas, seedDemoMap } from './seed-demo-map.js';
import { seedDemoSafetySigns } from './seed-demo-signs.js';
import { countEnterprises } from './seed.repository.js';
import { insertTownOnce, setAssignment, upsertJurisdiction } from '../modules/oversight/county.repository.js';
import { refreshEnterpriseIndicators } from '../modules/oversight/county-indicators.service.js';
import { insertConsultancy, insertEngagement } from '../modules/consultancy/consultancy.repository.js';
import { newId } from '../platform/ids.js';

const demoTowns = [
  ['370102001', '解放路街道'],
  ['370102002', '千佛山街道'],
] as const;
import {
  demoAreas,
  demoEnterprise,
  demoEquipment,
  demoMaterials,
  demoOrgUnits,
  demoPeopleNames,
  demoPosts,
  demoSecondEnterprise,
  demoUsers,
} from './demo-data.js';

export interface DemoLogins {
  password: string;
  usernames: string[];
  enterpriseId: string;
  secondEnterpriseId: string;
}

const seedAdmin: AuthContext = {
  sessionId: 'seed',
  userId: 'seed',
  username: 'seed',
  displayName: 'seed',
  isAdmin: true,
  locale: null,
  enterpriseId: null,
  role: null,
};

export function isDatabaseEmpty(deps: AppDeps): Promise<boolean> {
  return countEnterprises(deps.db).then((n) => n === 0);
}

async function seedOrg(deps: AppDeps, trx: Executor, enterpriseId: string, actorUserId: string) {
  const org = createOrgServices(deps);
  const actor = { userId: actorUserId, enterpriseId };
  const unitIds = new Map<string, string>();
  for (const [name, kind, parent] of demoOrgUnits) {
    const u = await org.orgUnits.create(actor, { name, kind, parentId: parent ? (unitIds.get(parent) ?? null) : null }, trx);
    unitIds.set(name, u.id);
  }
  const peopleIds = new Map<string, string>();
  // Areas first: the template posts are placed in them (issue 8 item 5), so their risks inherit the
  // area and its seed 001 第七条 facts (the paint booth and paint store come out 较大).
  const areaIds = new Map<string, string>();
  for (const [name, description, unit, hazardKinds = [], maxPeopleAtOnce = 0] of demoAreas) {
    const a = await org.areas.create(actor, { name, description, orgUnitId: unit ? (unitIds.get(unit) ?? null) : null, hazardKinds, maxPeopleAtOnce }, trx);
    areaIds.set(name, a.id);
  }
  const applied = await applyTemplate(
    deps,
    org,
    actor,
    {
      industry: 'machinery',
      posts: demoPosts.map(([key, , headcount, riskSetKeys]) => ({
        key,
        headcount,
        riskSetKeys,
        areas: demoPostAreas[key] ? [{ name: demoPostAreas[key] as string }] : [],
      })),
    },
    trx,
  );
  let next = 0;
  for (const [index, [, unit, headcount]] of demoPosts.entries()) {
    const postId = applied.postIds[index] as string;
    const orgUnitId = unitIds.get(unit) ?? null;
    await org.posts.update(actor, postId, { orgUnitId }, trx);
    for (let i = 0; i < headcount && next < demoPeopleNames.length; i++, next++) {
      const personName = demoPeopleNames[next] as string;
      const person = await org.people.create(
        actor,
        {
          name: personName,
          phone: `139053${String(10000 + next).padStart(5, '0')}`,
          orgUnitId,
          postIds: [postId],
          hireDate: `20${String(15 + (next % 10)).padStart(2, '0')}-0${1 + (next % 9)}-15`,
          isContractor: false,
        },
        trx,
      );
      peopleIds.set(personName, person.id);
    }
  }
  for (const [name, model, code, area, isSpecial] of demoEquipment) {
    await org.equipment.create(actor, { name, model, code, areaId: areaIds.get(area) ?? null, isSpecial, isMajorHazardInstallation: false }, trx);
  }
  for (const [name, dangerousClass, casNo, maxStock, area] of demoMaterials) {
    await org.materials.create(
      actor,
      { name, dangerousClass: dangerousClass as '2' | '3' | null, casNo, maxStock, areaId: areaIds.get(area) ?? null },
      trx,
    );
  }
  // A contractor who comes for maintenance (相关方).
  await org.people.create(actor, { name: '外协维修 孙师傅', phone: null, orgUnitId: unitIds.get('设备动力部') ?? null, postIds: [], hireDate: null, isContractor: true }, trx);
  const postIdsByKey = new Map(demoPosts.map(([key], index) => [key, applied.postIds[index] as string]));
  return { peopleIds, postIdsByKey, areaIds };
}

/** Creates the demo enterprise and one login per role; run only on an empty database. */
export async function seedDemo(deps: AppDeps, password: string | null): Promise<DemoLogins> {
  const demoPassword = password ?? randomBytes(9).toString('base64url');
  const seeded = await withTransaction(deps.db, async (trx) => {
    const first = await insertEnterpriseRecord(deps, trx, seedAdmin.userId, {
      ...demoEnterprise,
      creditCode: demoEnterprise.creditCodeBody + creditCodeCheckChar(demoEnterprise.creditCodeBody),
      timeZone: 'Asia/Shanghai',
    });
    const second = await insertEnterpriseRecord(
      deps,
      trx,
      seedAdmin.userId,
      {
        ...demoSecondEnterprise,
        creditCode: demoSecondEnterprise.creditCodeBody + creditCodeCheckChar(demoSecondEnterprise.creditCodeBody),
        timeZone: 'Asia/Shanghai',
      },
    );
    const userIds = new Map<string, string>();
    for (const u of demoUsers) {
      userIds.set(u.username, await createUser(deps, trx, { username: u.username, displayName: u.displayName, password: demoPassword, isAdmin: u.isAdmin }));
    }
    const adminId = userIds.get('admin') as string;
    const { peopleIds, postIdsByKey, areaIds } = await seedOrg(deps, trx, first.id, adminId);
    for (const u of demoUsers) {
      if (!u.role) continue;
      await addMembership(deps, trx, {
        userId: userIds.get(u.username) as string,
        enterpriseId: first.id,
        role: u.role as EnterpriseRole,
        personId: u.person ? (peopleIds.get(u.person) ?? null) : null,
      });
    }
    // Consultants and regulators serve several enterprises. The regulator's link to the second one
    // shows the jurisdiction winning: it lies outside its county, so its switcher does not offer it.
    for (const username of ['consultant', 'regulator'] as const) {
      await addMembership(deps, trx, { userId: userIds.get(username) as string, enterpriseId: second.id, role: username });
    }
    // Issue 17: the demo regulator supervises the first enterprise's county (历下区) — the second
    // enterprise (历城区) stays outside its county view — and the county has two towns.
    // UNCONFIRMED: the towns' 9-digit codes are illustrative, not checked against 统计用区划代码.
    const at = deps.clock.now().toISOString();
    await upsertJurisdiction(trx, { user_id: userIds.get('regulator') as string, county_code: demoEnterprise.regionCode, town_code: null, created_at: at });
    for (const [code, name] of demoTowns) await insertTownOnce(trx, { code, county_code: demoEnterprise.regionCode, name, created_at: at });
    // Seed 002: the demo consultant works for a consultancy…
    const consultancyId = newId();
    await insertConsultancy(trx, { id: consultancyId, name: '齐鲁安全技术咨询有限公司', created_at: at }, [
      { consultancy_id: consultancyId, user_id: userIds.get('consultant') as string, is_lead: 0, created_at: at },
    ]);
    // …which engages it for both demo enterprises: the consultant's switcher and desk list the two.
    for (const enterpriseId of [first.id, second.id]) {
      await insertEngagement(trx, {
        id: newId(),
        consultancy_id: consultancyId,
        enterprise_id: enterpriseId,
        team_user_ids: JSON.stringify([userIds.get('consultant')]),
        contract_start: at.slice(0, 10),
        contract_end: `${Number(at.slice(0, 4)) + 1}${at.slice(4, 10)}`,
        phase: 1,
        phase_started_at: at,
        completed_at: null,
        scope: '',
        ended_at: null,
        ended_by_user_id: null,
        created_by_user_id: adminId,
        created_at: at,
      });
    }
    return {
      logins: { password: demoPassword, usernames: demoUsers.map((u) => u.username), enterpriseId: first.id, secondEnterpriseId: second.id },
      map: { actor: { userId: adminId, enterpriseId: first.id }, postIdsByKey, areaIds },
    };
  });
  await seedDemoMap(deps, seeded.map.actor, seeded.map.postIdsByKey, seeded.map.areaIds);
  await seedDemoSafetySigns(deps, seeded.map.actor, seeded.map.areaIds);
  for (const id of [seeded.logins.enterpriseId, seeded.logins.secondEnterpriseId]) await refreshEnterpriseIndicators(deps, id);
  await setAssignment(deps.db, seeded.logins.enterpriseId, { town_code: demoTowns[0][0] });
  return seeded.logins;
}
