import type { EnterpriseRole } from '../../../schemas/auth.js';

/** Who may propose a risk for a post they hold (the server checks the post; see risk-identification.service). */
export const proposerRolesForUi = ['dept_head', 'team_leader', 'worker'] as const satisfies readonly EnterpriseRole[];
