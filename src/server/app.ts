import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppDeps } from './app-deps.js';
import { localeFromAcceptLanguage } from '../i18n/locale.js';
import { installSessionHook } from './platform/auth/session-plugin.js';
import { AppError } from './platform/http/app-error.js';
import { clientErrorHandler, installErrorHandler, sendProblem } from './platform/http/error-handler.js';
import { installMetrics, installRequestIds, type PoolStats, requestIdOf } from './platform/http/metrics.js';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installRequestForgeryGuard } from './platform/http/request-forgery.js';
import { buildOpenApi } from './platform/http/openapi.js';
import { type AnyRouteDef, registerRoutes } from './platform/http/route.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { accountRoutes } from './modules/auth/accounts.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { onboardingRoutes } from './modules/onboarding/onboarding.routes.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { sessionCacheOf } from './platform/auth/session-cache.js';
import { enterpriseRoutes } from './modules/enterprise/enterprise.routes.js';
import { importRoutes } from './modules/org/import.routes.js';
import { attachmentRoutes } from './modules/inspections/attachments.routes.js';
import { inspectionRoutes } from './modules/inspections/inspections.routes.js';
import { createOrgServices, orgRoutes } from './modules/org/org.routes.js';
import { publicationRoutes } from './modules/publication/publication.routes.js';
import { referenceRoutes } from './modules/reference/reference.routes.js';
import { riskListExportRoutes } from './modules/risks/risk-list-export.routes.js';
import { riskRoutes } from './modules/risks/risks.routes.js';
import { reidentificationRoutes } from './modules/risks/reidentification.routes.js';
import { safetySignRoutes } from './modules/publication/safety-signs.routes.js';
import { templateRoutes } from './modules/templates/templates.routes.js';
import { hazardTransitionRoutes } from './modules/hazards/hazard-transitions.routes.js';
import { hazardRoutes } from './modules/hazards/hazards.routes.js';
import { hazardPublicRoutes } from './modules/hazards/hazard-public.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { signOffRoutes } from './platform/sign-off/sign-off.routes.js';
import { emergencyRoutes } from './modules/emergency/emergency.routes.js';
import { managementRoutes } from './modules/management/management.routes.js';
import { changeRequestRoutes } from './modules/management/change-requests.routes.js';
import { communicationRoutes } from './modules/management/communication.routes.js';
import { initialReviewRoutes } from './modules/management/initial-review.routes.js';
import { capaRoutes } from './modules/improvement/capa.routes.js';
import { contractorRoutes } from './modules/contractors/contractors.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { internalAuditRoutes } from './modules/improvement/internal-audit.routes.js';
import { dutiesRoutes } from './modules/management/duties.routes.js';
import { occupationalHealthRoutes } from './modules/occupational-health/occupational-health.routes.js';
import { managementReviewRoutes } from './modules/improvement/management-review.routes.js';
import { appraisalRoutes } from './modules/improvement/appraisal.routes.js';
import { monitoringRoutes } from './modules/improvement/monitoring.routes.js';
import { dueItemRoutes } from './platform/due-items/due-items.routes.js';
import { calendarFeedRoutes } from './platform/due-items/calendar-feed.routes.js';
import { homeRoutes } from './modules/home/home.routes.js';
import { allDueItemProviders } from './due-item-providers.js';
import { standardizationRoutes } from './modules/standardization/standardization.routes.js';
import { workPermitRoutes } from './modules/frontline/work-permits.routes.js';
import { accidentScenarioRoutes } from './modules/frontline/accident-scenarios.routes.js';
import { postKnowledgeRoutes } from './modules/frontline/post-knowledge.routes.js';
import { pointAndCallRoutes } from './modules/frontline/point-and-call.routes.js';
import { fixedPositionRoutes } from './modules/frontline/fixed-position.routes.js';
import { accidentRoutes } from './modules/accidents/accidents.routes.js';
import { oversightRoutes } from './modules/oversight/oversight.routes.js';
import { countyRoutes } from './modules/oversight/county.routes.js';
import { statisticsRoutes } from './modules/oversight/statistics.routes.js';
import { campaignRoutes } from './modules/oversight/campaigns.routes.js';
import { consultancyRoutes } from './modules/consultancy/consultancy.routes.js';

export interface BuildAppOptions {
  /** Folder of the built SPA; served when it exists. */
  webDir?: string;
  logger?: boolean | object;
  /** The PostgreSQL pool's counts, for /metrics. */
  poolStats?: (() => PoolStats) | null;
}

/** Every API route of the product, declared with its access rule (the tenant matrix test walks this). */
export function allRoutes(deps: AppDeps): AnyRouteDef[] {
  const org = createOrgServices(deps);
  return [
    ...authRoutes(deps),
    ...accountRoutes(deps),
    ...setupRoutes(deps),
    ...onboardingRoutes(deps),
    ...enterpriseRoutes(deps),
    ...orgRoutes(org),
    ...importRoutes(deps, org),
    ...auditRoutes(deps),
    ...referenceRoutes(),
    ...templateRoutes(deps, org),
    ...hazardRoutes(deps),
    ...hazardPublicRoutes(deps),
    ...hazardTransitionRoutes(deps),
    ...notificationRoutes(deps),
    ...riskRoutes(deps),
    ...reidentificationRoutes(deps),
    ...safetySignRoutes(deps),
    ...riskListExportRoutes(deps, org),
    ...publicationRoutes(deps),
    ...inspectionRoutes(deps),
    ...attachmentRoutes(deps),
    ...trainingRoutes(deps),
    ...signOffRoutes(deps),
    ...emergencyRoutes(deps),
    ...managementRoutes(deps),
    ...changeRequestRoutes(deps),
    ...communicationRoutes(deps),
    ...initialReviewRoutes(deps),
    ...capaRoutes(deps),
    ...contractorRoutes(deps),
    ...documentRoutes(deps),
    ...internalAuditRoutes(deps),
    ...dutiesRoutes(deps),
    ...occupationalHealthRoutes(deps),
    ...managementReviewRoutes(deps),
    ...appraisalRoutes(deps),
    ...monitoringRoutes(deps),
    ...dueItemRoutes(deps, allDueItemProviders()),
    ...calendarFeedRoutes(deps, allDueItemProviders()),
    ...homeRoutes(deps, allDueItemProviders()),
    ...standardizationRoutes(deps),
    ...workPermitRoutes(deps),
    ...accidentScenarioRoutes(deps),
    ...postKnowledgeRoutes(deps),
    ...pointAndCallRoutes(deps),
    ...fixedPositionRoutes(deps),
    ...accidentRoutes(deps),
    ...oversightRoutes(deps),
    ...countyRoutes(deps),
    ...statisticsRoutes(deps),
    ...campaignRoutes(deps),
    ...consultancyRoutes(deps),
  ];
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    // Ids in URLs are validated by schemas; keep Fastify from rejecting long URLs with its own shape.
    routerOptions: { maxParamLength: 500 },
    // A URL the router cannot even decode is still a problem+json 400, never Fastify's own shape.
    clientErrorHandler,
    // A proxy's X-Request-Id is kept (when a plain token), else one is made; every log line and answer carries it.
    genReqId: requestIdOf,
    frameworkErrors: (error, request, reply) => {
      sendProblem(reply, new AppError('BAD_REQUEST', { detail: error.message }), localeFromAcceptLanguage(request.headers['accept-language']));
    },
  });
  installErrorHandler(app);
  // First: an answer refused by a later hook (session, forgery) carries its request id too.
  installRequestIds(app);
  await app.register(cookie);
  await installSecurityHeaders(app, { isHttps: deps.config.isSecureCookie });
  await app.register(rateLimit, {
    global: false,
    // Counted in the database: several nodes share one limit (rate-limit-store.ts).
    store: databaseRateLimitStore(deps.db) as never,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  app.addContentTypeParser([xlsxMime, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(['image/png', 'image/jpeg'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser(['image/webp'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  // Controlled documents' files (modules/documents): PDF and Word, checked by their bytes there.
  app.addContentTypeParser(['application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const sessions = sessionCacheOf(deps.db, deps.config.sessionCacheSeconds * 1000);
  installSessionHook(
    app,
    (sessionId) => sessions.resolve(sessionId, deps.clock.now().getTime(), () => resolveSession(deps, sessionId)),
    (sessionId) => sessions.peek(sessionId, deps.clock.now().getTime()),
  );

  installRequestForgeryGuard(app, { allowedOrigins: deps.config.allowedOrigins });
  if (deps.config.isMetricsEnabled) installMetrics(app, deps, options.poolStats ?? null);

  const routes = allRoutes(deps);
  registerRoutes(app, routes);
  // Built on first request: converting every schema to JSON Schema is work a start need not wait for.
  let openApi: ReturnType<typeof buildOpenApi> | null = null;
  // Liveness: the process answers (a load balancer restarts it when not). Readiness: it can serve,
  // the database included (a load balancer sends it traffic only then; 503 while shutting down).
  app.get('/api/health', async () => ({ status: 'ok', database: deps.dialect }));
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.get('/api/ready', async (request, reply) => {
    if (isClosing) return sendProblem(reply, new AppError('NOT_READY', { detail: 'shutting down' }), request.locale);
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: the database does not answer');
      return sendProblem(reply, new AppError('NOT_READY', { detail: 'database' }), request.locale);
    }
    return { status: 'ready', database: deps.dialect };
  });
  app.get('/api/openapi.json', async () => (openApi ??= buildOpenApi(routes)));

  const webDir = options.webDir;
  const hasWeb = webDir && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt dist/web is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false });
    app.get('/', (_request, reply) => reply.type('text/html').sendFile('index.html'));
    // The phone pages a QR code opens are their own light entry (dist/web/m/index.html) and route
    // themselves under /m. no-cache: WeChat's browser keeps pages long, and a stale shell names gone assets.
    const phoneShell = (_request: unknown, reply: FastifyReply) =>
      reply.type('text/html').header('cache-control', 'no-cache').sendFile('m/index.html', { cacheControl: false });
    // The phone app's service worker (issue 8 §8) lives under /m/ so its scope is the phone pages;
    // no-cache: a new build's worker must be found at once.
    app.get('/m/sw.js', (_request, reply) => reply.type('text/javascript').header('cache-control', 'no-cache').sendFile('m/sw.js', { cacheControl: false }));
    app.get('/m', phoneShell);
    app.get('/m/*', phoneShell);
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !hasWeb || request.method !== 'GET') {
      return sendProblem(reply, new AppError('ROUTE_NOT_FOUND'), request.locale ?? 'zh-CN');
    }
    // The SPA routes itself: every other GET gets its shell.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
