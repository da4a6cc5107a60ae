/* Internal assessors (seed 002 phase 5 (一) 1: trained, examined, appointed) and the enterprise facts
 * the nine-section report needs (seed 002 phase 5 (三) 3 (1)). */
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import type { ReportProfileInput } from '../../../schemas/standardization.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import type { Actor } from './score-sheets.service.js';
import * as repo from './standardization.repository.js';

export async function listAssessors(deps: AppDeps, enterpriseId: string) {
  return (await repo.listAssessors(deps.db, enterpriseId)).map((a) => ({
    id: a.id,
    personId: a.person_id,
    name: a.name,
    training: a.training,
    trainedOn: a.trained_on,
    appointedOn: a.appointed_on,
    appointmentRef: a.appointment_ref,
  }));
}

export async function appointAssessor(deps: AppDeps, actor: Actor, input: { personId: string; training: string; trainedOn: string; appointedOn: string; appointmentRef: string }) {
  if ((await repo.findLivePeople(deps.db, actor.enterpriseId, [input.personId])).length !== 1) throw referenceMissing('personId');
  if (input.appointedOn < input.trainedOn) throw new AppError('VALIDATION', {}, [{ path: 'appointedOn', message: { 'zh-CN': '须经培训考核后聘任：聘任日期不能早于培训日期', 'en-US': 'appointment comes after training: the date is before the training' } }]);
  const now = deps.clock.now();
  return withTransaction(deps.db, async (trx) => {
    const existing = await repo.findAssessorOfPerson(trx, actor.enterpriseId, input.personId);
    const fields = { training: input.training, trained_on: input.trainedOn, appointed_on: input.appointedOn, appointment_ref: input.appointmentRef };
    let id: string;
    if (existing && existing.archived_at === null) {
      throw new AppError('CONFLICT', { detail: input.personId }, [{ path: 'personId', message: { 'zh-CN': '此人已是内审员', 'en-US': 'this person is already an internal assessor' } }]);
    } else if (existing) {
      id = existing.id;
      await repo.reappointAssessor(trx, actor.enterpriseId, id, { ...fields, archived_at: null });
    } else {
      id = newId();
      const inserted = await repo.insertAssessorIfAbsent(trx, { id, enterprise_id: actor.enterpriseId, person_id: input.personId, ...fields, created_by_user_id: actor.userId, created_at: now.toISOString(), archived_at: null });
      if (!inserted) throw new AppError('CONFLICT', { detail: input.personId }, [{ path: 'personId', message: { 'zh-CN': '此人已是内审员', 'en-US': 'this person is already an internal assessor' } }]);
    }
    await recordChange(trx, actor, now, { entity: 'internal_assessor', entityId: id, action: 'appoint', after: input });
    return { id };
  });
}

export async function dismissAssessor(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock.now();
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.archiveAssessor(trx, actor.enterpriseId, id, now.toISOString()))) throw notFound('internal_assessor');
    await recordChange(trx, actor, now, { entity: 'internal_assessor', entityId: id, action: 'dismiss' });
  });
}

const emptyProfile = { nature: '', locationAndTransport: '', capacityAndScale: '', mainProcesses: '', mainEquipment: '', occupationalHealth: '', updatedAt: null };

export async function getReportProfile(deps: AppDeps, enterpriseId: string) {
  const row = await repo.findProfile(deps.db, enterpriseId);
  if (!row) return { ...emptyProfile };
  return {
    nature: row.nature,
    locationAndTransport: row.location_and_transport,
    capacityAndScale: row.capacity_and_scale,
    mainProcesses: row.main_processes,
    mainEquipment: row.main_equipment,
    occupationalHealth: row.occupational_health,
    updatedAt: row.updated_at,
  };
}

export async function putReportProfile(deps: AppDeps, actor: Actor, input: ReportProfileInput) {
  const now = deps.clock.now();
  const before = await getReportProfile(deps, actor.enterpriseId);
  await withTransaction(deps.db, async (trx) => {
    await repo.upsertProfile(trx, {
      enterprise_id: actor.enterpriseId,
      nature: input.nature,
      location_and_transport: input.locationAndTransport,
      capacity_and_scale: input.capacityAndScale,
      main_processes: input.mainProcesses,
      main_equipment: input.mainEquipment,
      occupational_health: input.occupationalHealth,
      updated_by_user_id: actor.userId,
      updated_at: now.toISOString(),
    });
    await recordChange(trx, actor, now, { entity: 'standardization_profile', entityId: actor.enterpriseId, action: 'update', before, after: input });
  });
  return getReportProfile(deps, actor.enterpriseId);
}
