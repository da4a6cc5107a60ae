import type { ErrorCode } from '../../../i18n/error-messages.js';
import type { Locale } from '../../../i18n/locale.js';

/** A failing field; services may give the message in both languages and let the handler pick. */
export interface FieldIssue {
  path: string;
  message: string | Record<Locale, string>;
}

/** The one error type services throw; the error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldIssues: FieldIssue[] = [],
    /** Extra members of the problem document (e.g. an import's row errors). */
    readonly extra: Record<string, unknown> | null = null,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  WRONG_PASSWORD: 400,
  FORBIDDEN: 403,
  NO_ACTIVE_ENTERPRISE: 403,
  ENTERPRISE_ACCESS_ENDED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  ARCHIVED: 409,
  ORG_UNIT_CYCLE: 422,
  IMPORT_INVALID: 422,
  OUT_OF_TABLE: 400,
  UNKNOWN_PROFILE: 400,
  NO_RULE_FIRED: 400,
  RISK_STATUS_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FOREIGN_ORIGIN: 403,
  BODY_NOT_JSON: 415,
  HEADERS_TOO_LARGE: 431,
  NOT_READY: 503,
  REQUEST_TIMEOUT: 408,
  NOT_AN_IMAGE: 400,
  NOTICE_BOARD_NOT_REQUIRED: 409,
  INSPECTION_LIST_INCOMPLETE: 422,
  INSPECTION_LIST_NO_RESPONSIBLE: 422,
  HAZARD_WRONG_STATE: 409,
  HAZARD_NOT_PERMITTED: 403,
  ANONYMOUS_REPORTS_DISABLED: 404,
  REMEDIATION_NOT_EVALUATED: 409,
  SIGN_OFF_NOT_EXPECTED: 403,
  ALREADY_SIGNED: 409,
  NOT_SIGNED: 409,
  SIGN_OFF_CLOSED: 409,
  STANDARDIZATION_STATE: 409,
  ENGAGEMENT_STATE: 409,
  PERMIT_WRONG_STATE: 409,
  PERMIT_CANNOT_START: 409,
  PREWORK_INCOMPLETE: 409,
  SCENARIO_NOT_SIGNED: 409,
  PLAN_INCOMPLETE: 422,
  PLAN_VERSION_CONFLICT: 409,
  POLICY_VERSION_CONFLICT: 409,
  RECORD_WRONG_STATE: 409,
  DOCUMENT_VERSION_CONFLICT: 409,
  DRILL_WRONG_STATE: 409,
  SETUP_DONE: 409,
  INVITATION_INVALID: 410,
  INTERNAL: 500,
};

export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', { entity });
}
