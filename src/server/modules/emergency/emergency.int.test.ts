import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

const complete = {
  potentialEmergencies: '喷漆房火灾、油漆库火灾',
  responseDuties: '车间主任组织疏散；班长清点人数',
  commander: '当班班长',
  alarmAndHelp: '发现人高喊"着火了"，按下手动报警按钮，拨打119',
  onSiteCommunication: '对讲机1频道；向车间主任报告位置、火势、有无被困人员',
  specialRoles: '现场工作负责人：切断电源和气源，有权停止作业',
  resources: '',
};

describe.skipIf(!isDbAvailable())('emergency readiness', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  let planId: string;
  let supplyId: string;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'em');
    other = await hazardWorld(t, 'emx');
    const risk = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/risks', {
      postId: w.postId,
      objectKind: 'activity',
      objectName: '喷漆作业',
      hazardFactorCodes: ['2101'],
      accidentTypeCodes: ['08'],
      causes: '油漆挥发遇明火',
      evaluation: { method: 'LEC', L: 3, E: 6, C: 7 },
      measures: [{ type: 'engineering', phase: 'during', text: '防爆通风', inspection: { content: '通风运行', method: 'look', period: 'shift', responsibleIsPostHolders: true } }],
    });
    expect(risk.statusCode, risk.body).toBe(201);
    const contact = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-contacts', { name: '值班室', organisation: '县消防救援大队', phone: '119', isExternal: true });
    expect(contact.statusCode, contact.body).toBe(201);
  });
  afterAll(() => t.close());

  it("proposes the fire scenario from the enterprise's risks and pre-fills the draft", async () => {
    const proposals = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/emergency-scenarios')).json().items;
    expect(proposals[0]).toMatchObject({ code: 'fire', label: '火灾', riskCount: 1, planId: null });
    expect(proposals.map((p: { code: string }) => p.code)).toContain('power-cut');
    const res = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-plans', { kind: 'special', title: '火灾专项应急预案', scenarioCode: 'fire' });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    const draft = res.json().draft;
    expect(draft).toMatchObject({ versionNo: 1, status: 'draft' });
    expect(draft.contents.potentialEmergencies).toContain('em 车床工');
    expect(draft.contents.externalContacts).toEqual([{ name: '县消防救援大队 值班室', phone: '119' }]);
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/emergency-scenarios')).json().items[0].planId).toBe(planId);
  });

  it('refuses approval while one of the eight contents is missing, naming it; only the principal approves', async () => {
    const byManager = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-plans/${planId}/approve`);
    expect(byManager.statusCode).toBe(403);
    await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { contents: complete });
    const refused = await t.request(w.cookies.principal, 'POST', `/api/v1/emergency-plans/${planId}/approve`, undefined, { 'accept-language': 'zh-CN' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('PLAN_INCOMPLETE');
    expect(refused.json().detail).toContain('应急需要的资源');
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['contents.resources']);
    const en = await t.request(w.cookies.principal, 'POST', `/api/v1/emergency-plans/${planId}/approve`, undefined, { 'accept-language': 'en-US' });
    expect(en.json().detail).toContain('the resources needed');
  });

  it('links supplies of the register only from the same enterprise, and then approves with a review date three years on', async () => {
    const foreign = await t.request(other.cookies.safety_manager, 'POST', '/api/v1/emergency-supplies', { name: '别家灭火器', quantity: 2 });
    const refused = await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { contents: { supplyIds: [foreign.json().id] } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toBe('contents.supplyIds');
    const supply = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-supplies', {
      name: '干粉灭火器 4kg',
      quantity: 8,
      minQuantity: 8,
      unit: '具',
      areaId: w.areaId,
      location: '喷漆房门口',
      responsiblePersonId: w.people.team_leader,
      expiresOn: '2027-06-30',
      checkPeriod: 'month',
      checkPostId: w.postId,
    });
    expect(supply.statusCode, supply.body).toBe(201);
    supplyId = supply.json().id;
    expect(supply.json().inspectionItemId).toBeTruthy();
    const item = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/inspection-items/${supply.json().inspectionItemId}`);
    expect(item.json()).toMatchObject({ postId: w.postId, period: 'month', responsiblePersonId: w.people.team_leader, content: expect.stringContaining('干粉灭火器') });
    await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { contents: { supplyIds: [supplyId] } });
    const approved = await t.request(w.cookies.principal, 'POST', `/api/v1/emergency-plans/${planId}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().current).toMatchObject({ versionNo: 1, status: 'approved', issuedOn: '2026-11-23', reviewDueOn: '2029-11-23', missingContents: [] });
    expect(approved.json().draft).toBeNull();
    // An approved version is never edited.
    const edit = await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { contents: { commander: '别人' } });
    expect(edit.statusCode).toBe(409);
  });

  it('exports the plan as a .docx holding the eight contents in order', async () => {
    const res = await t.request(w.cookies.worker, 'GET', `/api/v1/emergency-plans/${planId}/plan.docx`);
    expect(res.statusCode).toBe(200);
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('火灾专项应急预案');
    const positions = ['（1）所识别的潜在事故', '（4）如何报警和求援', '（7）紧急情况发生时与外部联络', '（8）应急需要的资源'].map((h) => text.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('干粉灭火器 4kg');
    expect(text).toContain('现行有效');
    expect((await t.request(other.cookies.principal, 'GET', `/api/v1/emergency-plans/${planId}/plan.docx`)).statusCode).toBe(404);
  });

  it('records a drill with signed-in participants; its review raises hazards and opens version 2, version 1 kept', async () => {
    const planned = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-drills', { planId, plannedOn: '2026-11-25', participantPersonIds: [w.people.worker, w.people.team_leader] });
    expect(planned.statusCode, planned.body).toBe(201);
    const drillId = planned.json().id;
    const sign = await t.request(w.cookies.worker, 'POST', '/api/v1/sign-offs', { subjectType: 'emergency-drill', subjectId: drillId, role: 'participant', personId: w.people.worker, method: 'session' });
    expect(sign.statusCode, sign.body).toBe(201);
    const reviewEarly = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-drills/${drillId}/review`, { needsRevision: false });
    expect(reviewEarly.statusCode).toBe(409);
    // The drill's photos: its own enterprise's uploads only (another enterprise's photo is refused, nothing stored).
    const upload = async (world: World) => {
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } }).png().toBuffer();
      const res = await t.request(world.cookies.safety_manager, 'POST', `/api/v1/attachments?postId=${world.postId}`, png, { 'content-type': 'image/png' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [ownPhoto, foreignPhoto] = [await upload(w), await upload(other)];
    const record = { heldOn: '2026-11-25', description: '模拟喷漆房起火，疏散用时 4 分钟' };
    const foreign = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-drills/${drillId}/record`, { ...record, photoIds: [ownPhoto, foreignPhoto] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('photoIds');
    const held = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-drills/${drillId}/record`, { ...record, photoIds: [ownPhoto] });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', signedInPersonIds: [w.people.worker], photoIds: [ownPhoto] });
    expect(held.json().planVersionId).toBe((await t.request(w.cookies.safety_manager, 'GET', `/api/v1/emergency-plans/${planId}`)).json().current.id);
    const review = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-drills/${drillId}/review`, {
      whatWorked: '报警及时',
      whatFailed: '集合点离喷漆房太近',
      needsRevision: true,
      findings: [{ text: '集合点设在喷漆房下风向', postId: w.postId }],
    });
    expect(review.statusCode, review.body).toBe(200);
    const finding = review.json().review.findings[0];
    const hazard = await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${finding.hazardId}`);
    expect(hazard.json()).toMatchObject({ status: 'reported', postId: w.postId, description: expect.stringContaining('集合点设在喷漆房下风向') });
    const plan = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/emergency-plans/${planId}`)).json();
    expect(plan.current.versionNo).toBe(1);
    expect(plan.draft).toMatchObject({ versionNo: 2, drillReviewId: review.json().review.id, revisionReason: expect.stringContaining('集合点') });
    expect(plan.draft.contents.supplyIds).toEqual([supplyId]);
    // A review is evidence: a second one is refused, and signing in is closed.
    expect((await t.request(w.cookies.safety_manager, 'POST', `/api/v1/emergency-drills/${drillId}/review`, { needsRevision: false })).statusCode).toBe(409);
    const late = await t.request(w.cookies.team_leader, 'POST', '/api/v1/sign-offs', { subjectType: 'emergency-drill', subjectId: drillId, role: 'participant', personId: w.people.team_leader, method: 'session' });
    expect(late.statusCode).toBe(409);
    // Revised and approved: version 1 is kept, superseded.
    await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { contents: { specialRoles: '现场工作负责人：切断电源；集合点改至南门广场' } });
    const v2 = await t.request(w.cookies.principal, 'POST', `/api/v1/emergency-plans/${planId}/approve`);
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().versions.map((v: { versionNo: number; status: string }) => [v.versionNo, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(v2.json().versions[1].contents.specialRoles).toBe(complete.specialRoles);
  });

  it('raises a hazard for an expired or short supply, once, and lists it among the due items', async () => {
    await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-supplies', { name: '急救箱', quantity: 1, minQuantity: 2, unit: '个', location: '班组休息室', expiresOn: '2026-11-20' });
    const first = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-supply-checks');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ checked: 2, hazardsRaised: 2 });
    const descriptions = await Promise.all(first.json().hazardIds.map(async (id: string) => (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${id}`)).json().description));
    expect(descriptions.join('|')).toMatch(/应急物资已过期：急救箱.*\|应急物资数量不足：急救箱/);
    expect((await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-supply-checks')).json().hazardsRaised).toBe(0);
    const list = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/emergency-supplies')).json().items;
    expect(list.find((s: { name: string }) => s.name === '急救箱')).toMatchObject({ isExpired: true, isShort: true });
    const due = (await t.request(w.cookies.safety_manager, 'GET', '/api/v1/due-items?kind=emergency')).json().items as { kind: string; status: string; title: string }[];
    expect(due.find((i) => i.kind === 'emergency.supplyExpiry')).toMatchObject({ status: 'overdue', title: expect.stringContaining('急救箱') });
    // The year's special drill was held; the half-year's on-site drill is still owed.
    expect(due.filter((i) => i.kind === 'emergency.drill').map((i) => i.title).join()).toContain('现场处置方案演练');
  });

  it("puts a supply's check on its post's list; the check failed on the task raises a hazard", async () => {
    const supply = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-supplies', {
      name: '二氧化碳灭火器',
      quantity: 4,
      minQuantity: 4,
      unit: '具',
      location: '车床区东墙',
      responsiblePersonId: w.people.worker,
      checkPeriod: 'month',
      checkPostId: w.postId,
    });
    expect(supply.statusCode, supply.body).toBe(201);
    const itemId = supply.json().inspectionItemId as string;
    expect(itemId).toEqual(expect.any(String));
    // The check item is on the post's list; tasks run it once the list is published (seed 001 第十三条).
    const list = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/posts/${w.postId}/inspection-list`)).json();
    expect(list.extraItems.find((i: { id: string }) => i.id === itemId)).toMatchObject({ content: expect.stringContaining('二氧化碳灭火器'), period: 'month', responsiblePersonId: w.people.worker });
    const published = await t.request(w.cookies.safety_manager, 'POST', `/api/v1/posts/${w.postId}/inspection-list/publish`);
    expect(published.statusCode, published.body).toBe(201);
    const tasks = (await t.request(w.cookies.worker, 'GET', '/api/v1/inspection-tasks?mine=true&status=open')).json().items as { id: string }[];
    let taskId: string | null = null;
    for (const task of tasks) {
      const detail = (await t.request(w.cookies.worker, 'GET', `/api/v1/inspection-tasks/${task.id}`)).json();
      if (detail.items.some((i: { id: string }) => i.id === itemId)) taskId = task.id;
    }
    expect(taskId, 'the worker has a task holding the supply check').not.toBeNull();
    const res = await t.request(w.cookies.worker, 'POST', `/api/v1/inspection-tasks/${taskId}/records`, {
      clientId: randomUUID(),
      capturedAt: t.clock.now().toISOString(),
      results: [{ itemId, result: 'fail', note: '压力表指针在红区' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const hazardId = res.json().records[0].hazardId as string;
    const hazard = (await t.request(w.cookies.safety_manager, 'GET', `/api/v1/hazards/${hazardId}`)).json();
    expect(hazard.description).toContain('压力表指针在红区');
    expect(hazard.postId).toBe(w.postId);
  });

  it("shows a post's card: first steps, the call tree and the on-site plan in force", async () => {
    const steps = { stop: '立即停机', alarm: '高喊并拨打 119', isolate: '关闭气源阀', firstAid: '烫伤用冷水冲洗 15 分钟', evacuation: '沿东侧通道撤离', assemblyPoint: '南门广场' };
    expect((await t.request(w.cookies.worker, 'PUT', `/api/v1/posts/${w.postId}/first-steps`, steps)).statusCode).toBe(403);
    expect((await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/posts/${w.postId}/first-steps`, steps)).statusCode).toBe(200);
    const onsite = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-plans', { kind: 'onsite', title: '车床工火灾现场处置方案', scenarioCode: 'fire', postId: w.postId });
    expect(onsite.statusCode, onsite.body).toBe(201);
    await t.request(w.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${onsite.json().id}/draft`, { contents: { ...complete, resources: '灭火器' } });
    await t.request(w.cookies.principal, 'POST', `/api/v1/emergency-plans/${onsite.json().id}/approve`);
    const card = await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/emergency-card`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ postName: 'em 车床工', firstSteps: steps, onsitePlan: { title: '车床工火灾现场处置方案', versionNo: 1 }, contacts: [{ phone: '119', isExternal: true }] });
    expect((await t.request(other.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/emergency-card`)).statusCode).toBe(404);
    const noPost = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-plans', { kind: 'onsite', title: 'x' });
    expect(noPost.statusCode).toBe(400);
    expect(noPost.json().errors[0].path).toBe('postId');
  });

  it('keeps every route to its own enterprise', async () => {
    expect((await t.request(other.cookies.principal, 'GET', `/api/v1/emergency-plans/${planId}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.principal, 'POST', `/api/v1/emergency-plans/${planId}/approve`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'PUT', `/api/v1/emergency-plans/${planId}/draft`, { title: '改' })).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'PATCH', `/api/v1/emergency-supplies/${supplyId}`, { name: '改' })).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/emergency-plans')).json().items).toEqual([]);
    const foreignPost = await t.request(other.cookies.safety_manager, 'POST', '/api/v1/emergency-plans', { kind: 'onsite', title: 'x', postId: w.postId });
    expect(foreignPost.statusCode).toBe(400);
    const foreignDrill = await t.request(other.cookies.safety_manager, 'POST', '/api/v1/emergency-drills', { planId, plannedOn: '2026-12-01' });
    expect(foreignDrill.statusCode).toBe(400);
    expect(foreignDrill.json().errors[0].path).toBe('planId');
    const foreignPeople = await t.request(w.cookies.safety_manager, 'POST', '/api/v1/emergency-drills', { planId, plannedOn: '2026-12-01', participantPersonIds: [other.people.worker] });
    expect(foreignPeople.json().errors[0].path).toBe('participantPersonIds');
  });

  it('keeps the cadence as an enterprise setting', async () => {
    expect((await t.request(w.cookies.safety_manager, 'GET', '/api/v1/emergency-settings')).json()).toEqual({ comprehensiveOrSpecialPerYear: 1, onsiteEveryMonths: 6 });
    expect((await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/emergency-settings', { comprehensiveOrSpecialPerYear: 2, onsiteEveryMonths: 5 })).statusCode).toBe(400);
    expect((await t.request(w.cookies.safety_manager, 'PUT', '/api/v1/emergency-settings', { comprehensiveOrSpecialPerYear: 2, onsiteEveryMonths: 3 })).statusCode).toBe(200);
    const programme = (await t.request(w.cookies.worker, 'GET', '/api/v1/emergency-drills')).json();
    expect(programme.requirements).toEqual([
      { rule: 'comprehensiveOrSpecial', periodStart: '2026-01-01', dueOn: '2026-12-31', required: 2, held: 1, isMet: false },
      { rule: 'onsite', periodStart: '2026-10-01', dueOn: '2026-12-31', required: 1, held: 0, isMet: false },
    ]);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/emergency-settings')).json().onsiteEveryMonths).toBe(6);
  });
});
