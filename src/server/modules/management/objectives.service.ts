/* OHS objectives and their programme (issue 14 §4, seed 000 三(四)). An objective is bound to a metric
 * the product computes from the features' own indicator functions, or entered by hand. Each read
 * shows the current value, the state against the target and where the figure comes from; a slipping
 * objective is a due item for its owner. */
import { format, parseISO, startOfISOWeek } from 'date-fns';
import type { z } from 'zod';
import { startOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import type { AppDeps } from '../../app-deps.js';
import type { Executor } from '../../db/with-transaction.js';
import { allRoles, managerRoles } from '../../../schemas/auth.js';
import { elapsedShare, type IndicatorFigures, metricDefinitions, metricValue, type ObjectiveComparison, type ObjectiveMetric, objectiveState } from '../../../domain/management/objective-metrics.js';
import { localDateOf } from '../../../domain/emergency/supply-state.js';
import type { Locale } from '../../../i18n/locale.js';
import { objectiveCreateSchema, type ObjectiveDto, objectiveListQuerySchema, objectiveSchema, objectiveUpdateSchema } from '../../../schemas/management.js';
import { type DueItem, type DueItemProvider, dueStatusOf } from '../../platform/due-items/due-items.js';
import type { ResourceSpec } from '../../platform/resource/tenant-resource.js';
import type { Row } from '../../platform/resource/tenant-resource.repository.js';
import { accidentIndicators } from '../accidents/accidents.service.js';
import { emergencyIndicators } from '../emergency/emergency-due-items.service.js';
import { hazardIndicators } from '../hazards/hazard-reports.service.js';
import { inspectionIndicators } from '../inspections/inspection-tasks.service.js';
import { trainingIndicators } from '../training/training-records.service.js';

export async function enterpriseTimeZone(db: Executor, enterpriseId: string): Promise<string> {
  const e = await db.selectFrom('enterprise').select('time_zone').where('id', '=', enterpriseId).executeTakeFirst();
  return e?.time_zone ?? 'Asia/Shanghai';
}

export async function enterpriseToday(db: Executor, enterpriseId: string, now: Date): Promise<string> {
  return localDateOf(now, await enterpriseTimeZone(db, enterpriseId));
}

/** The figures of a calendar year, read from each feature's one indicator function (nothing recounted). */
export async function yearFigures(deps: AppDeps, enterpriseId: string, year: number): Promise<IndicatorFigures> {
  // The year on the enterprise's wall clock; the features' windows are instants.
  const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
  const from = new Date(startOfLocalDay(`${year}-01-01`, timeZone));
  const to = new Date(startOfLocalDay(`${year + 1}-01-01`, timeZone));
  const [hazards, inspections, training, accidents, emergency] = await Promise.all([
    hazardIndicators(deps, enterpriseId, from, to),
    inspectionIndicators(deps, enterpriseId, from, to),
    trainingIndicators(deps, enterpriseId, year),
    accidentIndicators(deps.db, enterpriseId, { since: `${year}-01-01`, until: `${year}-12-31` }),
    emergencyIndicators(deps, enterpriseId, { from: `${year}-01-01`, to: `${year}-12-31` }),
  ]);
  return {
    hazards: { onTimeRectificationRate: hazards.onTimeRectificationRate, openMajor: hazards.openMajor },
    inspections: { completionRate: inspections.completionRate },
    training: { complianceRate: training.complianceRate, certificates: training.certificates, certificatesValid: training.certificatesValid },
    accidents: { accidents: accidents.accidents },
    emergency: { drillsHeld: emergency.drillsHeld },
  };
}

const unitOf = (metric: ObjectiveMetric, locale: Locale) => (metricDefinitions[metric].unit === 'percent' ? '%' : locale === 'zh-CN' ? '次/项' : 'count');

/** DTOs with their current value and state; the figures of each year are read once per call. */
async function toDtos(deps: AppDeps, enterpriseId: string, rows: Row[], locale: Locale): Promise<ObjectiveDto[]> {
  const today = await enterpriseToday(deps.db, enterpriseId, deps.clock.now());
  const years = new Map<number, Promise<IndicatorFigures>>();
  const figuresOf = (y: number) => {
    if (!years.has(y)) years.set(y, yearFigures(deps, enterpriseId, y));
    return years.get(y)!;
  };
  const ownerIds = [...new Set(rows.map((r) => r.owner_person_id as string))];
  const owners = ownerIds.length ? await deps.db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', ownerIds).execute() : [];
  const out: ObjectiveDto[] = [];
  for (const r of rows) {
    const metric = r.metric as ObjectiveMetric | null;
    const year = r.year as number;
    const value = metric ? metricValue(metric, await figuresOf(year)) : (r.manual_value as number | null);
    const def = metric ? metricDefinitions[metric] : null;
    const elapsed = def?.snapshot ? 0 : elapsedShare(`${year}-01-01`, `${year}-12-31`, today);
    const comparison = r.comparison as ObjectiveComparison;
    out.push({
      id: r.id,
      name: r.name as string,
      metric,
      comparison,
      targetValue: Number(r.target_value),
      unit: metric ? unitOf(metric, locale) : (r.unit as string),
      year,
      ownerPersonId: r.owner_person_id as string,
      ownerName: owners.find((o) => o.id === r.owner_person_id)?.name ?? null,
      orgUnitId: r.org_unit_id as string | null,
      manualValue: r.manual_value === null ? null : Number(r.manual_value),
      programmeDuties: r.programme_duties as string,
      programmeMethod: r.programme_method as string,
      programmeSchedule: r.programme_schedule as string,
      programmeResources: r.programme_resources as string,
      currentValue: value === null ? null : Number(value),
      state: objectiveState({ comparison, target: Number(r.target_value), value: value === null ? null : Number(value), cumulative: def?.cumulative ?? false, elapsed: def?.snapshot ? 0 : elapsed }),
      source: def ? def.source[locale] : locale === 'zh-CN' ? '手工填报' : 'Entered by hand',
      createdAt: r.created_at,
      updatedAt: r.updated_at as string,
      archivedAt: r.archived_at,
    });
  }
  return out;
}

export function objectiveSpec(
  deps: AppDeps,
): ResourceSpec<ObjectiveDto, z.infer<typeof objectiveCreateSchema>, z.infer<typeof objectiveUpdateSchema>, z.infer<typeof objectiveListQuerySchema>> {
  return {
    table: 'ohs_objective',
    path: '/api/v1/ohs-objectives',
    tag: 'management',
    readRoles: allRoles,
    writeRoles: managerRoles,
    createSchema: objectiveCreateSchema,
    updateSchema: objectiveUpdateSchema,
    dtoSchema: objectiveSchema,
    listQuerySchema: objectiveListQuerySchema,
    searchColumns: ['name'],
    filters: { year: 'year', ownerPersonId: 'owner_person_id' },
    references: { ownerPersonId: 'person', orgUnitId: 'org_unit' },
    toColumns: (input) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.metric !== undefined && { metric: input.metric }),
      ...(input.comparison !== undefined && { comparison: input.comparison }),
      ...(input.targetValue !== undefined && { target_value: input.targetValue }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.year !== undefined && { year: input.year }),
      ...(input.ownerPersonId !== undefined && { owner_person_id: input.ownerPersonId }),
      ...(input.orgUnitId !== undefined && { org_unit_id: input.orgUnitId }),
      ...(input.manualValue !== undefined && { manual_value: input.manualValue }),
      ...(input.programmeDuties !== undefined && { programme_duties: input.programmeDuties }),
      ...(input.programmeMethod !== undefined && { programme_method: input.programmeMethod }),
      ...(input.programmeSchedule !== undefined && { programme_schedule: input.programmeSchedule }),
      ...(input.programmeResources !== undefined && { programme_resources: input.programmeResources }),
    }),
    // Inside the write's transaction the figures are read through it (Transaction extends Kysely).
    toDtos: (db, enterpriseId, rows) => toDtos({ ...deps, db: db as AppDeps['db'] }, enterpriseId, rows, 'zh-CN'),
  };
}

/** The objectives of a year with their values, in the caller's language (the list page). */
export async function objectivesOfYear(deps: AppDeps, enterpriseId: string, year: number, locale: Locale): Promise<ObjectiveDto[]> {
  const rows = (await deps.db.selectFrom('ohs_objective').selectAll().where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute()) as unknown as Row[];
  return toDtos(deps, enterpriseId, rows, locale);
}

/** DESIGN "Due items": a slipping objective of the current year is due (since this week's Monday) for its owner. */
export const managementDueItemProvider: DueItemProvider = {
  feature: 'management',
  notifyDaysBefore: 0,
  async listDueItems(deps, enterpriseId): Promise<DueItem[]> {
    const now = deps.clock.now();
    const timeZone = await enterpriseTimeZone(deps.db, enterpriseId);
    const today = localDateOf(now, timeZone);
    // Due from the Monday of this week: a stable date, so the notification job (deduplicated by
    // item and date) reminds the owner once a week while the objective slips, not every hour.
    const weekStart = startOfLocalDay(format(startOfISOWeek(parseISO(today)), 'yyyy-MM-dd'), timeZone);
    const objectives = await objectivesOfYear(deps, enterpriseId, Number(today.slice(0, 4)), 'zh-CN');
    return objectives
      .filter((o) => o.state === 'slipping')
      .map((o) => ({
        kind: 'management.objectiveSlipping',
        title: {
          'zh-CN': `目标进度落后：${o.name}（当前 ${o.currentValue ?? '—'}，目标 ${o.comparison === 'gte' ? '≥' : '≤'} ${o.targetValue}）`,
          'en-US': `Objective slipping: ${o.name} (now ${o.currentValue ?? '—'}, target ${o.comparison === 'gte' ? '≥' : '≤'} ${o.targetValue})`,
        },
        dueAt: weekStart,
        status: dueStatusOf(weekStart, false, now),
        ownerPersonId: o.ownerPersonId,
        link: `/management/objectives/${o.id}`,
        sourceRef: `ohs_objective:${o.id}`,
      }));
  },
};
