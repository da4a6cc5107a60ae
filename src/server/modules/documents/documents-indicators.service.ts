/* DESIGN "Indicators": the documents feature's one figures function — controlled documents issued
 * and the legal register (laws registered, clauses mapped, compliance evaluated) for a year. The
 * initial review and the management review call this, never the tables. */
import type { AppDeps } from '../../app-deps.js';
import { legalIndicators } from './compliance.service.js';
import { documentFigures } from './documents.service.js';
import { currentYear } from './legal-register.service.js';

export async function documentIndicators(deps: AppDeps, enterpriseId: string, options: { year?: number } = {}) {
  const year = options.year ?? (await currentYear(deps, enterpriseId));
  const [documents, legal] = await Promise.all([documentFigures(deps, enterpriseId), legalIndicators(deps, enterpriseId, year)]);
  return { year, ...documents, ...legal };
}
export type DocumentIndicators = Awaited<ReturnType<typeof documentIndicators>>;
