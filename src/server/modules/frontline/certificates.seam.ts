/**
 * The seam to special-operation certificates (特种作业操作证), which the `training` module will
 * record (issue 11 §3: "shown and, once the training module records certificates, checked").
 *
 * The training module calls `registerCertificateProvider(provider)` at load; until then
 * `findValidCertificates` answers null ("not recorded here") and a permit shows the certificates
 * its type needs without blocking the start. Once a provider is registered, a worker without a
 * valid certificate of a required category blocks the start (blocker kind 'certificate_missing').
 */
import type { Executor } from '../../db/with-transaction.js';

export interface CertificateView {
  /** special-operations.ts category code ('electrical', 'welding_cutting', 'work_at_height', …). */
  category: string;
  number: string;
  /** ISO date, or null when open-ended. */
  validUntil: string | null;
}

export interface CertificateProvider {
  findValidCertificates(db: Executor, enterpriseId: string, personId: string, categories: readonly string[], on: Date): Promise<CertificateView[]>;
}

let provider: CertificateProvider | null = null;

export function registerCertificateProvider(p: CertificateProvider | null): void {
  provider = p;
}

/** The person's valid certificates of these categories on `on`, or null while no module records certificates. */
export async function findValidCertificates(db: Executor, enterpriseId: string, personId: string, categories: readonly string[], on: Date): Promise<CertificateView[] | null> {
  if (!provider) return null;
  return provider.findValidCertificates(db, enterpriseId, personId, categories, on);
}
