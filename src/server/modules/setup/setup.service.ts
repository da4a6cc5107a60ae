import type { AppDeps } from '../../app-deps.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { SetupInput } from '../../../schemas/accounts.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { AppError } from '../../platform/http/app-error.js';
import { newId } from '../../platform/ids.js';
import { type LoginResult, openSession } from '../auth/auth.service.js';
import { createFirstLogin, hasAnyEnterprise, insertEnterpriseRecord } from '../enterprise/enterprise.service.js';
import * as repo from './setup.repository.js';

/** The first-run set-up is open while the installation has no enterprise and no user (issue 8 §1). */
export async function isSetupNeeded(deps: AppDeps): Promise<boolean> {
  if (await repo.findSetup(deps.db)) return false;
  return !(await hasAnyEnterprise(deps)) && !(await repo.hasAnyUser(deps.db));
}

const setupDone = () => new AppError('SETUP_DONE');

/**
 * Creates the first enterprise and its first login (principal or safety manager) and signs that
 * login in. Only on an empty installation; of concurrent calls exactly one succeeds, the others get
 * 409 (the fixed key of installation_setup), and nothing of theirs is written.
 */
export async function runSetup(deps: AppDeps, input: SetupInput, client: { ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  if (!(await isSetupNeeded(deps))) throw setupDone();
  const passwordHash = await hashPassword(input.firstLogin.password);
  try {
    return await withTransaction(deps.db, async (trx) => {
      if ((await repo.findSetup(trx)) || (await hasAnyEnterprise(deps, trx)) || (await repo.hasAnyUser(trx))) throw setupDone();
      const userId = newId();
      // The audit rows name the first login as their author (its id is fixed before it is inserted).
      const enterprise = await insertEnterpriseRecord(deps, trx, userId, input.enterprise);
      await createFirstLogin(deps, trx, { userId: null, enterpriseId: enterprise.id }, input.firstLogin, passwordHash, {
        mustChangePassword: false,
        userId,
      });
      await repo.insertSetup(trx, { enterpriseId: enterprise.id, userId, at: deps.clock.now().toISOString() });
      return openSession(deps, trx, { userId, enterpriseId: enterprise.id, kind: 'office', client });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw setupDone();
    throw error;
  }
}
