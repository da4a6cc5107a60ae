import path from 'node:path';
import { parseAllowedOrigins } from './http/request-forgery.js';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL: connections this process keeps at most (DATABASE_POOL_SIZE, default 10); each is a server backend. */
  databasePoolSize: number;
  dataDir: string;
  /** Minutes of inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after login after which a session ends whatever the activity. */
  sessionAbsoluteHours: number;
  /** Seconds a resolved session is served from the process's cache (0: off); see session-cache.ts. */
  sessionCacheSeconds: number;
  /** How long a read trusts that an enterprise's inspection tasks are materialised (0: every read checks). */
  taskPlanCacheSeconds: number;
  /** Days a worker's remembered phone (device session) stays signed in; no idle limit. */
  deviceSessionDays: number;
  /** Days an invitation link/QR stays valid. */
  invitationDays: number;
  /** Failed logins in a row that lock an account. */
  lockoutThreshold: number;
  lockoutMinutes: number;
  /** Login attempts per IP per minute. */
  loginRatePerMinute: number;
  /** Set when the product runs behind HTTPS (a reverse proxy): session cookies get `Secure`. */
  isSecureCookie: boolean;
  trustProxy: boolean;
  /** Origins besides the server's own address from which state-changing requests are accepted (ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** A webhook URL may point at loopback/private addresses (an intranet robot); off by default. */
  isWebhookPrivateAllowed: boolean;
  /** SQLite `synchronous`: FULL (default, survives power loss) or NORMAL (see create-db.ts). */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Folder of the nightly backups (BACKUP_DIR); none: no scheduled backup. */
  backupDir: string | null;
  /** METRICS=true: Prometheus text at GET /metrics (restrict it at the proxy). */
  isMetricsEnabled: boolean;
  backupRetentionDays: number;
  /** Hour (UTC) from which the day's backup is written; 18 = 02:00 in China. */
  backupHourUtc: number;
  demoPassword: string | null;
  isDemoSeedEnabled: boolean;
  logLevel: string;
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a non-negative integer, got "${value}"`);
  return n;
}

function synchronousFrom(value: string | undefined): 'FULL' | 'NORMAL' {
  if (value === undefined || value === '' || value.toUpperCase() === 'FULL') return 'FULL';
  if (value.toUpperCase() === 'NORMAL') return 'NORMAL';
  throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, got "${value}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: intFrom(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, 'shuangkong.sqlite')}`,
    databasePoolSize: Math.max(1, intFrom(env.DATABASE_POOL_SIZE, 10)),
    dataDir,
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 120),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12),
    sessionCacheSeconds: intFrom(env.SESSION_CACHE_SECONDS, 5),
    taskPlanCacheSeconds: intFrom(env.TASK_PLAN_CACHE_SECONDS, 60),
    deviceSessionDays: intFrom(env.DEVICE_SESSION_DAYS, 90),
    invitationDays: intFrom(env.INVITATION_DAYS, 7),
    lockoutThreshold: intFrom(env.LOGIN_LOCKOUT_THRESHOLD, 5),
    lockoutMinutes: intFrom(env.LOGIN_LOCKOUT_MINUTES, 15),
    loginRatePerMinute: intFrom(env.LOGIN_RATE_PER_MINUTE, 20),
    isSecureCookie: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    isWebhookPrivateAllowed: env.WEBHOOK_ALLOW_PRIVATE === 'true',
    sqliteSynchronous: synchronousFrom(env.SQLITE_SYNCHRONOUS),
    isMetricsEnabled: env.METRICS === 'true',
    backupDir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : null,
    backupRetentionDays: intFrom(env.BACKUP_RETENTION_DAYS, 14),
    backupHourUtc: Math.min(23, intFrom(env.BACKUP_HOUR_UTC, 18)),
    demoPassword: env.DEMO_PASSWORD ? env.DEMO_PASSWORD : null,
    isDemoSeedEnabled: env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
