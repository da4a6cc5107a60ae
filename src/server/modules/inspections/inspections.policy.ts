/* Who may do what with inspections (pure). */
import type { EnterpriseRole } from '../../../schemas/auth.js';

/** People who do inspections on the floor and may upload photos: not the regulator, not the consultant. */
export const submitterRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'] as const satisfies readonly EnterpriseRole[];

/** A worker sees only their own tasks; supervisors and managers see everyone's (Art. 14 supervision). */
export function canSeeAllTasks(role: EnterpriseRole): boolean {
  return role !== 'worker';
}
