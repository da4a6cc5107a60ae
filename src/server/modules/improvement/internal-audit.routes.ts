import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { auditChecklistSchema, auditCreateSchema, auditDetailSchema, auditFindingCreateSchema, auditIndicatorsSchema, auditReportSchema, auditSchema } from '../../../schemas/internal-audit.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { docxMime } from '../../platform/exports/docx-builder.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { findAudit } from './internal-audit.repository.js';
import { buildAuditReport, createInternalAudit, getInternalAudit, internalAuditIndicators, issueReport, listInternalAudits, recordFinding, saveChecklist } from './internal-audit.service.js';
import { lateRecordBody } from './late-record.js';

const tags = ['improvement'];
const readRoles = allRoles.filter((r) => r !== 'worker');
const actorOf = (auth: AuthContext | null) => ({ userId: requireUser(auth).userId, enterpriseId: requireTenant(auth).enterpriseId });

/** 内部审核: planned and recorded by the principal, the safety manager or the consultancy (an external auditor). */
export function internalAuditRoutes(deps: AppDeps): AnyRouteDef[] {
  const write = { kind: 'tenant' as const, roles: managerRoles };
  const late = lateRecordBody(deps, 'internal_audit', findAudit);
  const checklist = late(auditChecklistSchema);
  const finding = late(auditFindingCreateSchema);
  const report = late(auditReportSchema);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/internal-audits',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'Internal audits, latest planned first (optionally of one year)',
      tags,
      query: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: z.object({ items: z.array(auditSchema) }),
      handler: async ({ auth, query }) => ({ items: await listInternalAudits(deps, requireTenant(auth).enterpriseId, query.year) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/internal-audit-indicators',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'Audits planned in a period, their findings and the last report’s conclusion',
      tags,
      query: z.strictObject({ since: z.iso.date(), until: z.iso.date() }),
      response: auditIndicatorsSchema,
      handler: async ({ auth, query }) => internalAuditIndicators(deps, requireTenant(auth).enterpriseId, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/internal-audits/:id',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'One audit with its checklist and findings',
      tags,
      params: idParamsSchema,
      response: auditDetailSchema,
      handler: async ({ auth, params }) => getInternalAudit(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/internal-audits/:id/report.docx',
      access: { kind: 'tenant', roles: readRoles },
      summary: 'The audit report (.docx) with the overall judgement of conformity and effectiveness',
      tags,
      params: idParamsSchema,
      produces: docxMime,
      handler: async ({ auth, params }) => buildAuditReport(deps, requireTenant(auth).enterpriseId, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/internal-audits',
      access: write,
      summary: 'Plan an audit: scope, auditors (appointed internal auditors or an external one); the checklist is generated',
      tags,
      body: auditCreateSchema,
      response: auditDetailSchema,
      handler: async ({ auth, body, locale }) => createInternalAudit(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/internal-audits/:id/checklist',
      access: write,
      summary: 'Edit the checklist (until the report is issued)',
      tags,
      params: idParamsSchema,
      body: checklist.body,
      response: auditDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await checklist.parse(ctx);
        return saveChecklist(deps, actorOf(ctx.auth), ctx.params.id, body.items);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/internal-audits/:id/findings',
      access: write,
      summary: 'Record a finding (conformity, nonconformity, observation) with evidence and photos; a nonconformity raises a corrective action',
      tags,
      params: idParamsSchema,
      body: finding.body,
      response: auditDetailSchema,
      handler: async (ctx) => {
        const body = await finding.parse(ctx);
        return recordFinding(deps, actorOf(ctx.auth), ctx.params.id, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/internal-audits/:id/report',
      access: write,
      summary: 'Issue the report with the conclusion and the overall judgement',
      tags,
      params: idParamsSchema,
      body: report.body,
      response: auditDetailSchema,
      successStatus: 200,
      handler: async (ctx) => {
        const body = await report.parse(ctx);
        return issueReport(deps, actorOf(ctx.auth), ctx.params.id, body);
      },
    }),
  ];
}
