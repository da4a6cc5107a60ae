/* Contractors and temporary workers (相关方, issue 14 §8, seed 000 一(二)2, 三(五)2(10)). The register
 * (generic resource) with the safety agreement, the site induction — a training session of the
 * training feature, its attendance signed through sign-off — and their people on site (people
 * marked 相关方人员); qualifications with their expiry (an expired or expiring one is a due item);
 * supervision rounds (linking the permit of the work, from the permit module) and evaluations, both
 * insert-only evidence. */
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import type { ContractorRecordTable } from '../../db/tables/operations-tables.js';
import { type DateState, dateState } from '../../../domain/operations/date-state.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import type { Locale } from '../../../i18n/locale.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import {
  type ContractorDto,
  contractorCreateSchema,
  contractorListQuerySchema,
  type ContractorRecordDto,
  contractorSchema,
  contractorUpdateSchema,
  evaluationInputSchema,
  type QualificationDto,
  qualificationCreateSchema,
  qualificationListQuerySchema,
  qualificationSchema,
  qualificationUpdateSchema,
  supervisionInputSchema,
} from '../../../schemas/contractors.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import { allActiveExist, type Row } from '../../platform/resource/tenant-resource.repository.js';
import { recordChange } from '../audit/audit.service.js';
import { getPermitDetail } from '../frontline/work-permits.service.js';
import { getSession } from '../training/training.service.js';
import * as repo from './contractors.repository.js';

/** Days before expiry a qualification or agreement shows as expiring. */
export const contractorWarningDays = 30;

const stateRank: Record<DateState, number> = { past: 3, soon: 2, ok: 1, none: 0 };
const worst = (states: DateState[]): DateState => states.reduce<DateState>((w, s) => (stateRank[s] > stateRank[w] ? s : w), 'none');

export async function contractorToday(db: Executor, enterpriseId: string, now: Date): Promise<string> {
  return localDateOf(now, await repo.timeZoneOf(db, enterpriseId));
}

const toQualification = (q: Row | repo.QualificationRow, today: string): QualificationDto => ({
  id: q.id,
  contractorId: q.contractor_id as string,
  name: q.name as string,
  number: q.number as string,
  issuer: q.issuer as string,
  issuedOn: q.issued_on as string | null,
  expiresOn: q.expires_on as string | null,
  state: dateState(q.expires_on as string | null, today, contractorWarningDays),
  createdAt: q.created_at,
  updatedAt: q.updated_at as string,
  archivedAt: q.archived_at,
});

const toRecord = (r: ContractorRecordTable): ContractorRecordDto => ({
  id: r.id,
  kind: r.kind as ContractorRecordDto['kind'],
  onDate: r.on_date,
  personId: r.person_id,
  workPermitId: r.work_permit_id,
  result: r.result,
  score: r.score === null ? null : Number(r.score),
  notes: r.notes,
  createdAt: r.created_at,
});

async function inductionOf(deps: AppDeps, db: Executor, enterpriseId: string, sessionId: string | null): Promise<ContractorDto['induction']> {
  if (!sessionId) return null;
  const s = await getSession({ ...deps, db: db as AppDeps['db'] }, enterpriseId, sessionId);
  return { title: s.title, heldOn: s.heldOn, attendees: s.attendees.length, signed: s.signedCount };
}

async function toContractorDtos(deps: AppDeps, db: Executor, enterpriseId: string, rows: Row[]): Promise<ContractorDto[]> {
  const today = await contractorToday(db, enterpriseId, deps.clock.now());
  const ids = rows.map((r) => r.id);
  const [people, quals, evaluations] = await Promise.all([repo.listPeopleOf(db, enterpriseId, ids), repo.listQualifications(db, enterpriseId, ids), repo.listRecords(db, enterpriseId, ids, 'evaluation')]);
  const out: ContractorDto[] = [];
  for (const r of rows) {
    const qualifications = quals.filter((q) => q.contractor_id === r.id).map((q) => toQualification(q, today));
    const last = evaluations.find((e) => e.contractor_id === r.id);
    out.push({
      id: r.id,
      name: r.name as string,
      creditCode: r.credit_code as string,
      contactName: r.contact_name as string,
      contactPhone: r.contact_phone as string,
      workScope: r.work_scope as string,
      agreementSignedOn: r.agreement_signed_on as string | null,
      agreementExpiresOn: r.agreement_expires_on as string | null,
      agreementState: dateState(r.agreement_expires_on as string | null, today, contractorWarningDays),
      inductionSessionId: r.induction_session_id as string | null,
      induction: await inductionOf(deps, db, enterpriseId, r.induction_session_id as string | null),
      personIds: people.filter((p) => p.contractor_id === r.id).map((p) => p.person_id),
      qualifications,
      qualificationState: worst(qualifications.map((q) => q.state)),
      lastEvaluation: last ? toRecord(last) : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    });
  }
  return out;
}

type CCreate = z.infer<typeof contractorCreateSchema>;
type CUpdate = z.infer<typeof contractorUpdateSchema>;

export function contractorSpec(deps: AppDeps): ResourceSpec<ContractorDto, CCreate, CUpdate, z.infer<typeof contractorListQuerySchema>> {
  return {
    table: 'contractor',
    path: '/api/v1/contractors',
    tag: 'contractors',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: contractorCreateSchema,
    updateSchema: contractorUpdateSchema,
    dtoSchema: contractorSchema,
    listQuerySchema: contractorListQuerySchema,
    searchColumns: ['name', 'work_scope'],
    filters: {},
    references: { personIds: { table: 'person', many: true } },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.creditCode !== undefined && { credit_code: input.creditCode }),
      ...(input.contactName !== undefined && { contact_name: input.contactName }),
      ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone }),
      ...(input.workScope !== undefined && { work_scope: input.workScope }),
      ...(input.agreementSignedOn !== undefined && { agreement_signed_on: input.agreementSignedOn }),
      ...(input.agreementExpiresOn !== undefined && { agreement_expires_on: input.agreementExpiresOn }),
      ...(input.inductionSessionId !== undefined && { induction_session_id: input.inductionSessionId }),
    }),
    toDtos: (db, enterpriseId, rows) => toContractorDtos(deps, db, enterpriseId, rows),
    validate: async (trx, enterpriseId, _id, input) => {
      if (!input.inductionSessionId) return;
      // The induction is a session of the training feature: asked through its service.
      try {
        await getSession({ ...deps, db: trx as AppDeps['db'] }, enterpriseId, input.inductionSessionId);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') throw referenceMissing('inductionSessionId');
        throw e;
      }
    },
    afterWrite: async (trx, enterpriseId, id, input) => {
      if (input.personIds !== undefined) await repo.replacePeople(trx, enterpriseId, id, input.personIds);
    },
  };
}

export function qualificationSpec(deps: AppDeps): ResourceSpec<QualificationDto, z.infer<typeof qualificationCreateSchema>, z.infer<typeof qualificationUpdateSchema>, z.infer<typeof qualificationListQuerySchema>> {
  return {
    table: 'contractor_qualification',
    path: '/api/v1/contractor-qualifications',
    tag: 'contractors',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: qualificationCreateSchema,
    updateSchema: qualificationUpdateSchema,
    dtoSchema: qualificationSchema,
    listQuerySchema: qualificationListQuerySchema,
    searchColumns: ['name', 'number'],
    filters: { contractorId: 'contractor_id' },
    references: { contractorId: 'contractor' },
    toColumns: (input) => ({
      ...(input.contractorId !== undefined && { contractor_id: input.contractorId }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.number !== undefined && { number: input.number }),
      ...(input.issuer !== undefined && { issuer: input.issuer }),
      ...(input.issuedOn !== undefined && { issued_on: input.issuedOn }),
      ...(input.expiresOn !== undefined && { expires_on: input.expiresOn }),
    }),
    toDtos: async (db, enterpriseId, rows) => {
      const today = await contractorToday(db, enterpriseId, deps.clock.now());
      return rows.map((r) => toQualification(r, today));
    },
  };
}

type SupervisionInput = z.infer<typeof supervisionInputSchema>;
type EvaluationInput = z.infer<typeof evaluationInputSchema>;

/** Adds a supervision round or an evaluation (insert-only evidence) with its audit row. */
export async function addContractorRecord(
  deps: AppDeps,
  actor: { userId: string; enterpriseId: string },
  contractorId: string,
  input: { kind: 'supervision'; body: SupervisionInput } | { kind: 'evaluation'; body: EvaluationInput },
  locale: Locale,
): Promise<ContractorRecordDto> {
  return withTransaction(deps.db, async (trx) => {
    const contractor = await repo.findContractor(trx, actor.enterpriseId, contractorId);
    if (!contractor) throw notFound('contractor');
    if (contractor.archived_at) throw new AppError('ARCHIVED', { entity: 'contractor' });
    const sup = input.kind === 'supervision' ? input.body : null;
    if (sup?.supervisorPersonId && !(await allActiveExist(trx, 'person', actor.enterpriseId, [sup.supervisorPersonId]))) throw referenceMissing('supervisorPersonId');
    if (sup?.workPermitId) {
      try {
        await getPermitDetail({ ...deps, db: trx as AppDeps['db'] }, actor, sup.workPermitId, locale);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') throw referenceMissing('workPermitId');
        throw e;
      }
    }
    const now = deps.clock.now();
    const row: ContractorRecordTable = {
      id: newId(),
      enterprise_id: actor.enterpriseId,
      contractor_id: contractorId,
      kind: input.kind,
      on_date: input.body.onDate,
      person_id: sup?.supervisorPersonId ?? null,
      work_permit_id: sup?.workPermitId ?? null,
      result: input.body.result,
      score: input.kind === 'evaluation' ? input.body.score : null,
      notes: input.body.notes,
      recorded_by_user_id: actor.userId,
      created_at: now.toISOString(),
    };
    await repo.insertRecord(trx, row);
    const dto = toRecord(row);
    await recordChange(trx, actor, now, { entity: 'contractor_record', entityId: row.id, action: 'create', after: dto });
    return dto;
  });
}

export async function listContractorRecords(deps: AppDeps, enterpriseId: string, contractorId: string): Promise<ContractorRecordDto[]> {
  if (!(await repo.findContractor(deps.db, enterpriseId, contractorId))) throw notFound('contractor');
  return (await repo.listRecords(deps.db, enterpriseId, [contractorId])).map(toRecord);
}
