/* One record of every collection an enterprise has, made through the API as its safety manager: the
 * ids behind each `:id` route (tenant-matrix.int.test.ts walks them as another enterprise;
 * detail-plans.sqlite.int.test.ts reads them as the owner and explains every statement sent). */
import sharp from 'sharp';
import { expect } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createUser } from '../../modules/auth/auth.service.js';
import { createConsultancy } from '../../modules/consultancy/engagement.service.js';
import { type TestApp, testPassword } from '../test-app.js';

export interface RecordsOfEachCollection {
  /** The collection's path (`/api/v1/hazards`) → the id of its record. */
  ids: Map<string, string>;
  /** Ids reached only by actions (no GET by id): logins, remembered phones, engagements. */
  actionIds: Map<string, string>;
}

/** `prefix` keeps the consultant's login and consultancy's name apart when called twice on one database. */
export async function createRecordOfEachCollection(t: TestApp, cookie: string, prefix = 'mx'): Promise<RecordsOfEachCollection> {
  const ids = new Map<string, string>();
  const actionIds = new Map<string, string>();
  const create = async (path: string, body: object) => {
    const res = await t.request(cookie, 'POST', path, body);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(201);
    ids.set(path, res.json().id);
    return res.json().id as string;
  };
  const unit = await create('/api/v1/org-units', { name: 'B 车间', kind: 'workshop' });
  const post = await create('/api/v1/posts', { name: 'B 车床工', kind: 'operation', orgUnitId: unit });
  await create('/api/v1/people', { name: 'B 张三', postIds: [post] });
  const area = await create('/api/v1/areas', { name: 'B 仓库' });
  await create('/api/v1/equipment', { name: 'B 行车', areaId: area, isSpecial: true });
  await create('/api/v1/materials', { name: 'B 油漆', dangerousClass: '3', areaId: area });
  // Art. 11: a safety sign of B's area, checked by B's post.
  await create('/api/v1/safety-signs', { areaId: area, category: 'warning', signCode: 'caution-fire', name: 'B 当心火灾', checkPostId: post });
  const risk = await create('/api/v1/risks', {
    postId: post,
    objectKind: 'equipment',
    objectName: 'B 车床',
    hazardFactorCodes: ['2101'],
    accidentTypeCodes: ['03'],
    causes: 'B 防护缺失',
    evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
    measures: [{ type: 'engineering', phase: 'during', text: 'B 防护罩', inspection: { content: 'B 防护罩完好', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
  });
  ids.set('/api/v1/control-measures', (await t.request(cookie, 'GET', `/api/v1/risks/${risk}`)).json().measures[0].id);
  // Inspections: an extra item, a task materialised from B's items, a stamped photo.
  await create('/api/v1/inspection-items', { postId: post, content: 'B 消防通道畅通', method: 'look', period: 'day', responsiblePersonId: ids.get('/api/v1/people') });
  expect((await t.request(cookie, 'POST', `/api/v1/posts/${post}/inspection-list/publish`)).statusCode).toBe(201);
  ids.set('/api/v1/inspection-tasks', (await t.request(cookie, 'GET', '/api/v1/inspection-tasks')).json().items[0].id);
  const photoB = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();
  ids.set('/api/v1/attachments', (await t.request(cookie, 'POST', '/api/v1/attachments', photoB, { 'content-type': 'image/jpeg' })).json().id);
  // Hazards: a "see it, report it" of B with B's photo (its lifecycle steps are /api/v1/hazards/:id/…).
  await create('/api/v1/accidents', { kind: 'accident', occurredOn: '2026-10-01', postId: post, minorInjuries: 1, description: 'B 手部划伤' });
  await create('/api/v1/hazards', { description: 'B 防护罩缺失', postId: post, photoIds: [ids.get('/api/v1/attachments')], clientId: 'matrix-b-hazard-0001' });
  // Standardization: B's self-assessment (its items, decisions, actions, files are /…/assessments/:id/…) and internal assessor.
  const personB = ids.get('/api/v1/people');
  await create('/api/v1/standardization/assessments', { title: 'B 自评', sheetRef: 'gbt33000-starter', profileCode: 'seed004-1000', plannedStart: '2026-11-01', plannedEnd: '2026-11-30', team: [{ personId: personB, role: 'leader' }] });
  await create('/api/v1/standardization/assessors', { personId: personB, training: 'B 内审员培训', trainedOn: '2026-10-01', appointedOn: '2026-10-10' });
  // Front line: a hazardous-work permit of B (its steps are /api/v1/work-permits/:id/…).
  const guardianB = (await t.request(cookie, 'POST', '/api/v1/people', { name: 'B 监护人' })).json().id;
  await create('/api/v1/work-permits', {
    workType: 'work_at_height', content: 'B 高处作业', place: 'B 仓库', windowStart: '2026-11-23T01:00:00Z', windowEnd: '2026-11-23T05:00:00Z',
    workerIds: [personB as string], guardianPersonId: guardianB, approverPersonId: guardianB, measures: [{ text: 'B 系安全带', responsiblePersonId: guardianB }],
  });
  // Front line: B's post's 事故假想 sheet (its steps are /api/v1/accident-scenarios/:id/…).
  await create('/api/v1/accident-scenarios', { postId: post, year: 2026 });
  // Emergency: a supply, a contact, a plan and a drill of it.
  await create('/api/v1/emergency-supplies', { name: 'B 灭火器', quantity: 4, checkPeriod: 'month', checkPostId: post });
  await create('/api/v1/emergency-contacts', { name: 'B 值班室', phone: '119', isExternal: true });
  const planB = await create('/api/v1/emergency-plans', { kind: 'onsite', title: 'B 现场处置方案', scenarioCode: 'fire', postId: post });
  await create('/api/v1/emergency-drills', { planId: planB, plannedOn: '2026-12-01', participantPersonIds: [ids.get('/api/v1/people')] });
  // Management: an objective bound to a metric, and a policy draft (no id in its URL; its id must not leak).
  await create('/api/v1/ohs-objectives', { name: 'B 隐患按期整改率', metric: 'hazard_closure_on_time', comparison: 'gte', targetValue: 90, year: 2026, ownerPersonId: personB });
  // Improvement: a corrective action of B (its steps are /api/v1/capas/:id/…).
  await create('/api/v1/capas', { sourceKind: 'other', description: 'B 不符合' });
  await create('/api/v1/monitoring-items', { subject: 'training', name: 'B 培训学时', frequency: 'quarter', ownerPersonId: personB });
  await create('/api/v1/management-reviews', { kind: 'management', year: 2026, heldOn: '2026-12-15' });
  await create('/api/v1/internal-audits', { year: 2026, title: 'B 内审', scope: 'B 全厂', plannedOn: '2026-12-01', externalAuditor: 'B 咨询' });
  const policyB = await t.request(cookie, 'PUT', '/api/v1/ohs-policy/draft', { text: 'B 职业安全健康方针' });
  expect(policyB.statusCode, policyB.body).toBe(200);
  actionIds.set('/api/v1/ohs-policy', policyB.json().draft.id);
  // Change management: a change request of B touching B's post (its steps are /api/v1/change-requests/:id/…).
  await create('/api/v1/change-requests', { name: 'B 工艺变更', kind: 'process', postId: post });
  // Contractors: B's contractor (its records are /api/v1/contractors/:id/…) and a qualification of it.
  const contractorB = await create('/api/v1/contractors', { name: 'B 外包单位' });
  await create('/api/v1/contractor-qualifications', { contractorId: contractorB, name: 'B 安全生产许可证', expiresOn: '2026-01-01' });
  // Occupational health: B's special equipment (inspections are /api/v1/special-equipment/:id/…) and a health examination.
  await create('/api/v1/special-equipment', { name: 'B 叉车', category: '5000' });
  await create('/api/v1/health-exams', { personId: ids.get('/api/v1/people'), kind: 'pre_job', examOn: '2026-11-01', result: 'normal' });
  await create('/api/v1/ppe-requirements', { postId: post, name: 'B 安全帽', kind: 'head' });
  // Communication: a channel of B's plan and a meeting (its action step is /api/v1/meetings/:id/action-done).
  await create('/api/v1/communication-channels', { name: 'B 公告栏', kind: 'notice_board' });
  await create('/api/v1/meetings', { kind: 'safety_meeting', name: 'B 安全例会', heldOn: '2026-11-01' });
  // Plan and Do: B's initial review, a controlled document, a legal requirement, and its post's duty list (id: the post).
  await create('/api/v1/initial-reviews', { title: 'B 初始评审', members: [{ personId: personB, role: '组长' }] });
  await create('/api/v1/documents', { number: 'B-ZD-01', title: 'B 设备管理制度', type: 'rule' });
  await create('/api/v1/legal-requirements', { kind: 'law', title: 'B 安全生产法' });
  ids.set('/api/v1/post-duty-lists', post);
  // Training: a session with B's person, a certificate of B's person, B's person record.
  await create('/api/v1/training-sessions', { title: 'B 三级教育', kind: 'three_level_company', heldOn: '2026-06-01', hours: 8, attendeePersonIds: [ids.get('/api/v1/people')] });
  await create('/api/v1/certificates', { personId: ids.get('/api/v1/people'), kind: 'special_operation', operationCode: 'electrical', number: 'B-T-001', issuedOn: '2024-01-01' });
  ids.set('/api/v1/training-records', ids.get('/api/v1/people') as string);
  // Accounts: B's person gets a login by invitation and accepts it on a phone (a device session of B).
  const invited = await t.request(cookie, 'POST', '/api/v1/accounts/bulk', { personIds: [ids.get('/api/v1/people')], role: 'worker', method: 'invitation' });
  expect(invited.statusCode, invited.body).toBe(201);
  const credential = invited.json().created[0];
  actionIds.set('/api/v1/accounts', credential.userId);
  const token = String(credential.invitationPath).split('/').pop();
  expect((await t.request(null, 'POST', `/api/v1/public/invitations/${token}/accept`, { pin: '246810' })).statusCode).toBe(200);
  actionIds.set('/api/v1/device-sessions', (await t.request(cookie, 'GET', '/api/v1/device-sessions')).json().items[0].id);
  // Consultancy: B engages a consultancy (A may not end B's engagement).
  await withTransaction(t.deps.db, (trx) => createUser(t.deps, trx, { username: `${prefix}_consultant`, displayName: 'B 咨询师', password: testPassword }));
  const consultancy = await createConsultancy(t.deps, 'matrix', { name: `B 咨询公司 ${prefix}`, members: [{ username: `${prefix}_consultant`, isLead: false }] });
  const engagement = await t.request(cookie, 'POST', '/api/v1/engagements', { consultancyId: consultancy.id, teamUserIds: [consultancy.members[0]?.userId], contractStart: '2026-11-01', contractEnd: '2027-10-31' });
  expect(engagement.statusCode, engagement.body).toBe(201);
  actionIds.set('/api/v1/engagements', engagement.json().id);
  return { ids, actionIds };
}
