import type { Locale } from '../../../i18n/locale.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';

/** Who is calling, derived from the session cookie only (never from the request body). */
export interface AuthContext {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  isAdmin: boolean;
  locale: Locale | null;
  enterpriseId: string | null;
  role: EnterpriseRole | null;
  /** The person the membership in the active enterprise links to (null: none); absent when not
   * loaded with the session (then services look it up). Read with the session, so a write need not. */
  personId?: string | null;
  /** 'device': a worker's remembered phone (long-lived, revocable); 'office': idle and absolute limits. Absent means office. */
  sessionKind?: 'office' | 'device';
  mustChangePassword?: boolean;
  /** The enterprise the session was switched into and may no longer work in (a regulator's left its
   * jurisdiction, a consultant's engagement ended); enterpriseId and role are then null. */
  lostEnterpriseId?: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    locale: Locale;
  }
}
