/* Issue 18: every list pages by an index bound and each filter the UI offers is served in page
 * order by an index — checked on the query plans the repositories really send, on SQLite and
 * PostgreSQL. A full scan or a sort of the matches makes a page cost grow with the data. */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app-deps.js';
import { seedDemo } from '../demo/seed-demo.js';
import { listCurrentAccidents } from '../modules/accidents/accidents.repository.js';
import { listAuditEntries } from '../modules/audit/audit.repository.js';
import { listCapas } from '../modules/improvement/capa.repository.js';
import { listHealthExams, listMonitoring, listPpeIssues } from '../modules/occupational-health/occupational-health.repository.js';
import { listMeetingRows } from '../modules/management/communication.service.js';
import { listDocumentRows, listLegalRequirementRows } from '../modules/documents/documents.repository.js';
import { listHazardRows } from '../modules/hazards/hazard-list.repository.js';
import { listIndicators, type IndicatorFilter, type SortColumn } from '../modules/oversight/county.repository.js';
import { listNotificationsOfUser } from '../modules/notifications/notifications.repository.js';
import { listKnowledgeCheckRows } from '../modules/frontline/post-knowledge.service.js';
import { listPermits } from '../modules/frontline/work-permits.repository.js';
import { listRiskRows } from '../modules/risks/risks.repository.js';
import { listSafetySignRows } from '../modules/publication/safety-signs.service.js';
import { ManualClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { newId } from '../platform/ids.js';
import { listRows } from '../platform/resource/tenant-resource.repository.js';
import { insertHazardRows } from '../test/factories/hazard-rows.factory.js';
import { analyzeAsProduction, capturing, expectIndexPage, explain, planOf as planIn } from '../test/query-plans.js';
import { isDbAvailable } from '../test/test-app.js';
import { createTestDb, testDialect } from '../test/test-db.js';
import type { Database } from './database.js';

const dialect = testDialect();

describe.runIf(isDbAvailable())(`list query plans (${dialect})`, () => {
  let close: () => Promise<void>;
  let kysely: Kysely<Database>;
  let enterpriseId: string;
  let postId: string;
  let areaId: string;
  let userId: string;
  let orgUnitId: string;
  const cursor = { at: '2026-06-01T00:00:00.000Z', id: '0190c0de-0000-7000-8000-000000000000' };
  const now = '2026-12-01T00:00:00.000Z';

  beforeAll(async () => {
    const scratch = await createTestDb();
    close = scratch.drop;
    kysely = scratch.db.kysely;
    const deps: AppDeps = { db: kysely, dialect, clock: new ManualClock(), config: loadConfig({ DATA_DIR: '/tmp/sk-unused' }) };
    const demo = await seedDemo(deps, 'plan-pass-123');
    enterpriseId = demo.enterpriseId;
    const posts = await kysely.selectFrom('post').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const areas = await kysely.selectFrom('area').select('id').where('enterprise_id', '=', enterpriseId).execute();
    const users = await kysely.selectFrom('membership').select('user_id').where('enterprise_id', '=', enterpriseId).execute();
    const unit = await kysely.selectFrom('org_unit').select('id').where('enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
    postId = posts[0]?.id as string;
    areaId = areas[0]?.id as string;
    userId = users[0]?.user_id as string;
    orgUnitId = unit.id;
    const common = { postIds: posts.map((p) => p.id), areaIds: areas.map((a) => a.id), reporterUserIds: users.map((u) => u.user_id), now: Date.parse(now) };
    await insertHazardRows(kysely, { enterpriseId, count: 400, ...common });
    await insertHazardRows(kysely, { enterpriseId: demo.secondEnterpriseId, count: 100, ...common });
    const entries = Array.from({ length: 300 }, (_, i) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      actor_user_id: users[i % users.length]?.user_id ?? null,
      at: new Date(Date.parse(now) - i * 3_600_000).toISOString(),
      entity: i % 2 ? 'hazard' : 'risk',
      entity_id: newId(),
      action: i % 3 ? 'update' : 'create',
      before: null,
      after: null,
    }));
    await kysely.insertInto('audit_log').values(entries).execute();
    const notes = Array.from({ length: 200 }, (_, i) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      user_id: userId,
      role: null,
      kind: 'hazard_to_confirm',
      title: 't',
      body: 'b',
      link: '/',
      read_at: i % 10 ? now : null, // most are read
      dedupe_key: `plan:${i}:${newId()}`,
      created_at: new Date(Date.parse(now) - i * 60_000).toISOString(),
    }));
    await kysely.insertInto('notification').values(notes).execute();
    const docTypes = ['policy', 'duty', 'procedure', 'work_instruction', 'rule', 'record_form'];
    const documents = Array.from({ length: 300 }, (_, i) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      number: `D-${i}`,
      title: `文件 ${i}`,
      type: docTypes[i % docTypes.length] as string,
      template_key: null,
      owner_person_id: null,
      review_due_on: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      created_at: new Date(Date.parse(now) - i * 3_600_000).toISOString(),
      updated_at: now,
    }));
    await kysely.insertInto('controlled_document').values(documents).execute();
    const capaStatuses = ['effective', 'effective', 'effective', 'effective', 'open', 'action_planned'];
    const capas = Array.from({ length: 300 }, (_, i) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      source_kind: i % 3 ? 'inspection' : 'internal_audit',
      source_id: null,
      source_label: `来源 ${i}`,
      description: `纠正措施 ${i}`,
      status: capaStatuses[i % capaStatuses.length] as string,
      round: 1,
      owner_person_id: null,
      root_cause_method: null,
      whys: '[]',
      fishbone: '{}',
      root_cause: '',
      verify_after_days: 30,
      risk_check: null,
      check_due_on: null,
      escalated_key: null,
      created_by_user_id: null,
      created_at: new Date(Date.parse(now) - i * 3_600_000).toISOString(),
      updated_at: now,
      closed_at: null,
    }));
    await kysely.insertInto('capa').values(capas).execute();
    const signs = Array.from({ length: 300 }, (_, i) => ({
      id: newId(),
      enterprise_id: enterpriseId,
      area_id: i % 2 ? areaId : (areas[1]?.id ?? areaId),
      equipment_id: null,
      category: 'warning',
      sign_code: null,
      name: `标志 ${i}`,
      location: '',
      quantity: 1,
      photo_id: null,
      installed_on: null,
      created_at: new Date(Date.parse(now) - i * 3_600_000).toISOString(),
      updated_at: now,
      archived_at: null,
    }));
    await kysely.insertInto('safety_sign').values(signs).execute();
    // Planner statistics as a live database has them after its first autovacuum / ANALYZE.
    await analyzeAsProduction(kysely);
  });

  afterAll(async () => close?.());

  const planOf = (table: string, run: (db: Kysely<Database>) => Promise<unknown>) => planIn(kysely, dialect, table, run);

  async function expectPages(table: string, index: string, bound: string[], keys: [string, string], run: (db: Kysely<Database>, after?: typeof cursor) => Promise<unknown>) {
    expectIndexPage(await planOf(table, (db) => run(db)), index, bound);
    // A deep page: the cursor is a row-value bound on the same index.
    const deep = await planOf(table, (db) => run(db, cursor));
    expectIndexPage(deep, index, bound);
    expect(deep.access, deep.text).toContain(`(${keys[0]},${keys[1]})`);
  }

  const hazardCases: [string, string, string[], () => Record<string, unknown>][] = [
    ['no filter', 'hazard_list_idx', ['enterprise_id'], () => ({})],
    ['status', 'hazard_status_page_idx', ['status'], () => ({ status: 'closed' })],
    ['grade', 'hazard_grade_page_idx', ['grade'], () => ({ grade: 'major' })],
    ['post', 'hazard_post_page_idx', ['post_id'], () => ({ postId })],
    ['area', 'hazard_area_page_idx', ['area_id'], () => ({ areaId })],
    // The partial index holds only owed hazards; the deadline is checked on those.
    ['overdue', 'hazard_owed_page_idx', ['enterprise_id'], () => ({ overdue: true })],
    ['not overdue (most hazards)', 'hazard_list_idx', ['enterprise_id'], () => ({ overdue: false })],
    ['period', 'hazard_list_idx', ['created_at'], () => ({ from: '2026-01-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' })],
    ['reported by me', 'hazard_reporter_page_idx', ['reporter_user_id'], () => ({ reportedBy: userId })],
  ];
  for (const [name, index, bound, filter] of hazardCases) {
    it(`hazards — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('hazard', index, bound, ['created_at', 'id'], (db, after) => listHazardRows(db, enterpriseId, { now, limit: 51, after, ...filter() }));
    });
  }

  it('hazards — overdue: the deadline is tested in the owed index, before a hazard is read (migration 202612100100)', async () => {
    const c = capturing(kysely);
    await listHazardRows(c.db, enterpriseId, { now, limit: 51, after: cursor, overdue: true });
    const query = c.sent[0] as CompiledQuery;
    if (dialect === 'postgres') {
      // An index condition, not a filter applied to each row fetched from the table.
      expect((await explain(kysely, dialect, query, 'hazard')).access).toMatch(/hazard_owed_page_idx .*deadline/);
    } else {
      // SQLite evaluates the terms on the index's columns and only then seeks the table row (DeferredSeek).
      const { rows } = await kysely.executeQuery<{ opcode: string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
      expect(rows.map((r) => r.opcode)).toContain('DeferredSeek');
    }
  });

  for (const [name, index, bound, filter] of [
    ['no filter', 'safety_sign_list_idx', ['enterprise_id'], () => ({})],
    ['area', 'safety_sign_area_idx', ['area_id'], () => ({ areaId })],
  ] as [string, string, string[], () => Record<string, unknown>][]) {
    it(`safety signs — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('safety_sign', index, bound, ['created_at', 'id'], (db, after) => listSafetySignRows(db, enterpriseId, { limit: 51, after, ...filter() }));
    });
  }

  const auditCases: [string, string, string[], () => Record<string, unknown>][] = [
    ['no filter', 'audit_log_list_idx', ['enterprise_id'], () => ({})],
    ['entity', 'audit_log_entity_page_idx', ['entity'], () => ({ entity: 'hazard' })],
    ['one record', 'audit_log_record_page_idx', ['entity_id'], () => ({ entity: 'hazard', entityId: newId() })],
    ['one record by id alone', 'audit_log_record_page_idx', ['entity_id'], () => ({ entityId: newId() })],
    ['action', 'audit_log_action_page_idx', ['action'], () => ({ action: 'update' })],
    ['actor', 'audit_log_actor_page_idx', ['actor_user_id'], () => ({ actorUserId: userId })],
    ['period', 'audit_log_list_idx', ['at'], () => ({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' })],
  ];
  for (const [name, index, bound, filter] of auditCases) {
    it(`audit log — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('audit_log', index, bound, ['at', 'id'], (db, after) => listAuditEntries(db, enterpriseId, { limit: 51, after, ...filter() }));
    });
  }

  for (const [isUnreadOnly, index] of [
    [false, 'notification_user_page_idx'],
    [true, 'notification_unread_page_idx'],
  ] as const) {
    it(`notifications — ${isUnreadOnly ? 'unread' : 'all'}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('notification', index, ['user_id'], ['created_at', 'id'], (db, after) =>
        listNotificationsOfUser(db, enterpriseId, userId, { isUnreadOnly, limit: 51, after }),
      );
    });
  }

  const riskCases: [string, string, string[], () => Record<string, unknown>][] = [
    ['no filter', 'risk_list_idx', ['enterprise_id'], () => ({})],
    ['post', 'risk_post_page_idx', ['post_id'], () => ({ postId })],
    ['area', 'risk_area_page_idx', ['area_id'], () => ({ areaId })],
    ['level', 'risk_level_page_idx', ['level'], () => ({ level: 'major' })],
    ['status', 'risk_status_page_idx', ['status'], () => ({ status: 'accepted' })],
    ['due for review', 'risk_review_page_idx', ['enterprise_id'], () => ({ isDueForReview: true })],
  ];
  for (const [name, index, bound, filter] of riskCases) {
    it(`risks — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('risk', index, bound, ['created_at', 'id'], (db, after) => listRiskRows(db, enterpriseId, { includeArchived: false, limit: 51, after, ...filter() }));
    });
  }

  for (const [name, index, bound, type] of [
    ['no filter', 'controlled_document_list_idx', ['enterprise_id'], undefined],
    ['type', 'controlled_document_type_idx', ['type'], 'rule'],
  ] as const) {
    it(`controlled documents — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('controlled_document', index, [...bound], ['created_at', 'id'], (db, after) => listDocumentRows(db, enterpriseId, { type, after, limit: 51 }));
    });
  }

  // Lists of the modules landed with issues 13–17 (the generic tenant-resource lists page oldest first).
  const resourceCases: [string, 'change_request' | 'contractor' | 'contractor_qualification' | 'special_equipment' | 'ppe_requirement' | 'comm_channel', string, string[], () => Record<string, unknown>][] = [
    ['change requests', 'change_request', 'change_request_enterprise_idx', ['enterprise_id'], () => ({})],
    ['change requests by status', 'change_request', 'change_request_status_idx', ['status'], () => ({ status: 'approved' })],
    ['change requests by kind', 'change_request', 'change_request_kind_page_idx', ['kind'], () => ({ kind: 'process' })],
    ['contractors', 'contractor', 'contractor_enterprise_idx', ['enterprise_id'], () => ({})],
    ['contractor qualifications of one contractor', 'contractor_qualification', 'contractor_qualification_contractor_idx', ['contractor_id'], () => ({ contractor_id: newId() })],
    ['special equipment', 'special_equipment', 'special_equipment_enterprise_idx', ['enterprise_id'], () => ({})],
    ['special equipment by category', 'special_equipment', 'special_equipment_category_page_idx', ['category'], () => ({ category: 'boiler' })],
    ['PPE requirements of one post', 'ppe_requirement', 'ppe_requirement_post_page_idx', ['post_id'], () => ({ post_id: newId() })],
    ['communication channels', 'comm_channel', 'comm_channel_enterprise_idx', ['enterprise_id'], () => ({})],
  ];
  for (const [name, table, index, bound, equals] of resourceCases) {
    it(`${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages(table, index, bound, ['created_at', 'id'], (db, after) => listRows(db, table, { enterpriseId, equals: equals(), includeArchived: false, limit: 51, after }));
    });
  }

  for (const [name, index, bound, status] of [
    ['all', 'work_permit_list_idx', ['enterprise_id'], undefined],
    ['one status', 'work_permit_status_page_idx', ['status'], 'closed'],
  ] as const) {
    it(`work permits — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('work_permit', index, [...bound], ['created_at', 'id'], (db, after) => listPermits(db, enterpriseId, { status, after, limit: 51 }));
    });
  }

  for (const [name, index, bound, filter] of [
    ['all', 'post_knowledge_check_list_idx', ['enterprise_id'], () => ({})],
    ['one person', 'post_knowledge_check_person_page_idx', ['person_id'], () => ({ personId: newId() })],
    ['one post', 'post_knowledge_check_post_page_idx', ['post_id'], () => ({ postId })],
  ] as [string, string, string[], () => Record<string, string>][]) {
    it(`knowledge checks — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('post_knowledge_check', index, bound, ['created_at', 'id'], (db, after) => listKnowledgeCheckRows(db, enterpriseId, { ...filter(), after, limit: 51 }));
    });
  }

  it('legal register: page 1 and a deep page read one index range in page order', async () => {
    await expectPages('legal_requirement', 'legal_requirement_list_idx', ['enterprise_id'], ['created_at', 'id'], (db, after) => listLegalRequirementRows(db, enterpriseId, { after, limit: 51 }));
  });

  for (const [name, index, bound, personId] of [
    ['all', 'health_exam_enterprise_idx', ['enterprise_id'], undefined],
    ['one person', 'health_exam_person_page_idx', ['person_id'], '0190c0de-0000-7000-8000-0000000000aa'],
  ] as const) {
    it(`health examinations — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      const table = dialect === 'sqlite' ? 'h' : 'health_exam';
      await expectPages(table, index, [...bound], ['created_at', 'id'], (db, after) => listHealthExams(db, enterpriseId, { personId, after, limit: 51 }));
    });
  }

  for (const [name, index, bound, personId] of [
    ['all', 'ppe_issue_enterprise_idx', ['enterprise_id'], undefined],
    ['one person', 'ppe_issue_person_page_idx', ['person_id'], '0190c0de-0000-7000-8000-0000000000aa'],
  ] as const) {
    it(`PPE issues — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      const table = dialect === 'sqlite' ? 'i' : 'ppe_issue';
      await expectPages(table, index, [...bound], ['created_at', 'id'], (db, after) => listPpeIssues(db, enterpriseId, { personId, after, limit: 51 }));
    });
  }
  for (const [name, index, bound, isOverLimit] of [
    ['all', 'workplace_monitoring_enterprise_idx', ['enterprise_id'], undefined],
    ['over the limit', 'workplace_monitoring_over_page_idx', ['is_over_limit'], true],
  ] as const) {
    it(`workplace readings — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('workplace_monitoring', index, [...bound], ['created_at', 'id'], (db, after) => listMonitoring(db, enterpriseId, { isOverLimit, after, limit: 51 }));
    });
  }
  for (const [name, index, bound, kind] of [
    ['all', 'meeting_enterprise_idx', ['enterprise_id'], undefined],
    ['one kind', 'meeting_kind_page_idx', ['kind'], 'pre_shift'],
  ] as const) {
    it(`meetings — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('meeting', index, [...bound], ['created_at', 'id'], (db, after) => listMeetingRows(db, enterpriseId, { kind, after, limit: 51 }));
    });
  }

  const capaCases: [string, string, string[], () => Record<string, unknown>][] = [
    ['no filter', 'capa_enterprise_idx', ['enterprise_id'], () => ({})],
    // (An open status may be read from the open ones' partial index instead; both are page-ordered.)
    ['status', 'capa_status_idx', ['status'], () => ({ status: 'effective' })],
    ['source', 'capa_source_page_idx', ['source_kind'], () => ({ sourceKind: 'internal_audit' })],
    // The partial index holds only the open ones.
    ['open', 'capa_open_page_idx', ['enterprise_id'], () => ({ isOpen: true })],
  ];
  for (const [name, index, bound, filter] of capaCases) {
    it(`corrective actions — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      await expectPages('capa', index, bound, ['created_at', 'id'], (db, after) => listCapas(db, enterpriseId, { limit: 51, after, ...filter() }));
    });
  }

  it('accident register: page 1 and a deep page read one index range in page order', async () => {
    const table = dialect === 'sqlite' ? 'a' : 'accident';
    const day = { at: '2026-06-01', id: cursor.id };
    expectIndexPage(await planOf(table, (db) => listCurrentAccidents(db, enterpriseId, { limit: 51 })), 'accident_page_idx', ['enterprise_id']);
    const deep = await planOf(table, (db) => listCurrentAccidents(db, enterpriseId, { limit: 51, before: day }));
    expectIndexPage(deep, 'accident_page_idx', ['enterprise_id']);
    expect(deep.access, deep.text).toContain('(occurred_on,root_id)');
  });

  it('people — all and by org unit: page 1 and a deep page read one index range in page order', async () => {
    await expectPages('person', 'person_list_idx', ['enterprise_id'], ['created_at', 'id'], (db, after) =>
      listRows(db, 'person', { enterpriseId, equals: {}, includeArchived: false, limit: 51, after }),
    );
    await expectPages('person', 'person_org_unit_page_idx', ['org_unit_id'], ['created_at', 'id'], (db, after) =>
      listRows(db, 'person', { enterpriseId, equals: { org_unit_id: orgUnitId }, includeArchived: false, limit: 51, after }),
    );
  });

  // Issue 17: the county list reads the precomputed rows alone, led by county_code.
  const countyTable = dialect === 'sqlite' ? 'i' : 'enterprise_indicator';
  const countyCases: [string, string, string[], SortColumn, 'asc' | 'desc', string | number, () => IndicatorFilter, string | null][] = [
    ['sorted by name', 'enterprise_indicator_name_idx', ['county_code'], 'name', 'asc', 'm', () => ({}), null],
    ['one town, by name', 'enterprise_indicator_town_idx', ['town_code'], 'name', 'asc', 'm', () => ({}), '370102001'],
    ['open major hazard, by overdue', 'enterprise_indicator_major_overdue_hazards_idx', ['county_code'], 'overdue_hazards', 'desc', 3, () => ({ hasOpenMajorHazard: true }), null],
    ['by self-assessment score', 'enterprise_indicator_sa_score_idx', ['county_code'], 'sa_score', 'desc', 800, () => ({}), null],
  ];
  for (const [name, index, bound, column, order, value, filter, townCode] of countyCases) {
    it(`county view — ${name}: page 1 and a deep page read one index range in page order`, async () => {
      const scope = { countyCode: '370102', townCode };
      expectIndexPage(await planOf(countyTable, (db) => listIndicators(db, scope, filter(), { column, order, limit: 51 })), index, bound);
      const deep = await planOf(countyTable, (db) => listIndicators(db, scope, filter(), { column, order, limit: 51, after: { value, id: cursor.id } }));
      expectIndexPage(deep, index, bound);
      expect(deep.access, deep.text).toContain(`(${column},enterprise_id)`);
    });
  }

  it('hazards — paging by the cursor returns every hazard once, newest first', async () => {
    const all = await listHazardRows(kysely, enterpriseId, { now, limit: 10_000 });
    const seen: string[] = [];
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const page = await listHazardRows(kysely, enterpriseId, { now, limit: 37, after });
      seen.push(...page.map((r) => r.id));
      const last = page[page.length - 1];
      if (page.length < 37 || !last) break;
      after = { at: last.created_at, id: last.id };
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect(new Set(seen).size).toBe(400);
  });
});
