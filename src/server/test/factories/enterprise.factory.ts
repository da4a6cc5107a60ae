import { withTransaction } from '../../db/with-transaction.js';
import { creditCodeCheckChar } from '../../../domain/enterprise/credit-code.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { AppDeps } from '../../app-deps.js';
import { addMembership, createUser } from '../../modules/auth/auth.service.js';
import { createEnterprise } from '../../modules/enterprise/enterprise.service.js';
import { testPassword } from '../test-app.js';

let sequence = 0;

/** A valid GB 32100 code, different on every call. */
export function makeCreditCode(): string {
  sequence += 1;
  const body = `91370100MA${String(Date.now() % 1e5).padStart(5, '0')}${String(sequence).padStart(2, '0')}`.slice(0, 17);
  return body + creditCodeCheckChar(body);
}

export async function createEnterpriseWithUsers(
  deps: AppDeps,
  prefix: string,
  roles: EnterpriseRole[] = ['principal', 'safety_manager', 'worker'],
): Promise<{ enterpriseId: string; usernames: Record<string, string> }> {
  const admin = { sessionId: 's', userId: 'factory', username: 'factory', displayName: 'factory', isAdmin: true, locale: null, enterpriseId: null, role: null };
  const enterprise = await createEnterprise(deps, admin, {
    name: `${prefix} 机械厂`,
    creditCode: makeCreditCode(),
    industry: 'machinery',
    regionCode: '370102',
    address: '济南',
    headcount: 40,
    revenueCny: 10_000_000,
    principalName: '负责人',
    timeZone: 'Asia/Shanghai',
  });
  const usernames: Record<string, string> = {};
  await withTransaction(deps.db, async (trx) => {
    for (const role of roles) {
      const username = `${prefix}_${role}`.toLowerCase();
      const userId = await createUser(deps, trx, { username, displayName: username, password: testPassword });
      await addMembership(deps, trx, { userId, enterpriseId: enterprise.id, role });
      usernames[role] = username;
    }
  });
  return { enterpriseId: enterprise.id, usernames };
}
