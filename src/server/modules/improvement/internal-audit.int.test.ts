import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

async function docxText(payload: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(payload)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

describe.skipIf(!isDbAvailable())('internal audit', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });
    w = await hazardWorld(t, 'ia');
    other = await hazardWorld(t, 'iax');
  });
  afterAll(() => t.close());

  const photoOf = async (world: World) => {
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#a62' } }).png().toBuffer();
    const res = await t.request(world.cookies.safety_manager, 'POST', `/api/v1/attachments?postId=${world.postId}`, png, { 'content-type': 'image/png' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('plans the yearly audit with an appointed auditor, records findings; a nonconformity → CAPA → effective; the report reads back', async () => {
    const sm = w.cookies.safety_manager;
    const base = { year: 2026, title: '2026 年度内部审核', scope: '全厂职业安全健康管理体系', plannedOn: '2026-12-10' };
    // The auditor must be an appointed internal auditor.
    const unappointed = await t.request(sm, 'POST', '/api/v1/internal-audits', { ...base, auditorPersonIds: [w.people.team_leader] });
    expect(unappointed.statusCode).toBe(400);
    expect(unappointed.body).toContain('auditorPersonIds');
    const appointed = await t.request(sm, 'POST', '/api/v1/standardization/assessors', { personId: w.people.team_leader, training: '内审员培训 16 学时', trainedOn: '2026-09-01', appointedOn: '2026-09-15', appointmentRef: '安字〔2026〕3号' });
    expect(appointed.statusCode, appointed.body).toBe(201);
    const due0 = (await t.request(sm, 'GET', '/api/v1/due-items?kind=audit')).json().items as { kind: string; status: string }[];
    expect(due0).toEqual([expect.objectContaining({ kind: 'audit.yearly', status: 'due' })]);

    const created = await t.request(sm, 'POST', '/api/v1/internal-audits', { ...base, auditorPersonIds: [w.people.team_leader], externalAuditor: '某安全咨询公司' });
    expect(created.statusCode, created.body).toBe(201);
    const audit = created.json();
    expect(audit.auditors).toEqual([expect.objectContaining({ name: '班长', training: '内审员培训 16 学时', appointedOn: '2026-09-15' })]);
    const keys = (audit.checklist as { key: string }[]).map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['policy', 'training', 'capa', 'focus.highRiskWork', 'focus.qualifications']));
    // Editable: add one item of the enterprise's own.
    const edited = await t.request(sm, 'PUT', `/api/v1/internal-audits/${audit.id}/checklist`, { items: [...audit.checklist, { key: 'own.forklift', element: '叉车管理', question: '叉车司机是否持证？' }] });
    expect(edited.statusCode, edited.body).toBe(200);

    const at = (s: string) => `/api/v1/internal-audits/${audit.id}/${s}`;
    const photo = await photoOf(w);
    expect((await t.request(sm, 'POST', at('findings'), { checklistKey: 'policy', kind: 'conformity', evidence: '方针已批准并张贴' })).statusCode).toBe(201);
    const nc = await t.request(sm, 'POST', at('findings'), { checklistKey: 'own.forklift', kind: 'nonconformity', evidence: '1 名叉车司机证书过期', photoIds: [photo], capaOwnerPersonId: w.people.dept_head });
    expect(nc.statusCode, nc.body).toBe(201);
    const finding = (nc.json().findings as { kind: string; capaId: string | null; photoIds: string[] }[]).find((f) => f.kind === 'nonconformity')!;
    expect(finding.photoIds).toEqual([photo]);
    expect(finding.capaId).not.toBeNull();
    expect(nc.json().tally).toMatchObject({ conformity: 1, nonconformity: 1, observation: 0 });

    // The CAPA it raised runs to "effective".
    const capa = (await t.request(sm, 'GET', `/api/v1/capas/${finding.capaId}`)).json();
    expect(capa).toMatchObject({ sourceKind: 'audit_finding', sourceLabel: '2026 年度内部审核 · 叉车管理', description: '1 名叉车司机证书过期', ownerName: '车间主任' });
    const c = (s: string) => `/api/v1/capas/${capa.id}/${s}`;
    await t.request(sm, 'PUT', c('analysis'), { method: 'five_whys', whys: ['证书到期未复审', '无复审提醒'], rootCause: '证书复审未纳入台账管理', verifyAfterDays: 0 });
    const planned = await t.request(sm, 'POST', c('actions'), { description: '安排复审并建立证书到期提醒', ownerPersonId: w.people.worker, deadline: '2026-12-20' });
    await t.request(sm, 'POST', c('risk-check'), { newRisks: '复审期间该司机停止驾驶，由持证人员替代', hasNewRisks: true });
    await t.request(sm, 'POST', c('action-done'), { actionId: planned.json().actions[0].id, note: '已复审' });
    const effective = await t.request(w.cookies.principal, 'POST', c('checks'), { isEffective: true, evidence: '证书有效，系统已提醒' });
    expect(effective.statusCode, effective.body).toBe(201);
    expect(effective.json().status).toBe('effective');

    const reported = await t.request(sm, 'POST', at('report'), { conclusion: 'partly_conforming', judgement: '体系基本符合要求并有效运行；证书管理存在不符合，已纠正。' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ status: 'reported', conclusion: 'partly_conforming' });
    expect((await t.request(sm, 'POST', at('findings'), { kind: 'observation', evidence: '迟到的发现' })).statusCode).toBe(409);
    const due1 = (await t.request(sm, 'GET', '/api/v1/due-items?kind=audit')).json().items as { status: string }[];
    expect(due1.every((d) => d.status === 'done')).toBe(true);

    const docx = await t.request(w.cookies.principal, 'GET', at('report.docx'));
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    for (const words of ['内部审核报告', '全厂职业安全健康管理体系', '班长（内审员', '某安全咨询公司（外部审核）', '叉车司机是否持证', '1 名叉车司机证书过期', '基本符合（存在不符合项）', '证书管理存在不符合']) expect(text).toContain(words);

    const figures = (await t.request(sm, 'GET', '/api/v1/internal-audit-indicators?since=2026-01-01&until=2026-12-31')).json();
    expect(figures).toMatchObject({ audits: 1, reported: 1, conformity: 1, nonconformity: 1, lastConclusion: 'partly_conforming' });
  });

  it('tenancy: foreign photos, audits and consultants of other enterprises are refused', async () => {
    const sm = w.cookies.safety_manager;
    const audit = (await t.request(sm, 'POST', '/api/v1/internal-audits', { year: 2027, title: '2027 内审', scope: '全厂', plannedOn: '2027-03-01', externalAuditor: '咨询机构' })).json();
    const foreignPhoto = await photoOf(other);
    const res = await t.request(sm, 'POST', `/api/v1/internal-audits/${audit.id}/findings`, { kind: 'observation', evidence: 'x', photoIds: [foreignPhoto] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('photoIds');
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/internal-audits/${audit.id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/internal-audits/${audit.id}/report.docx`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/internal-audits/${audit.id}/findings`, { kind: 'observation', evidence: 'x' })).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/internal-audits')).json().items).toEqual([]);
    expect((await t.request(w.cookies.dept_head, 'POST', '/api/v1/internal-audits', { year: 2027, title: 'x', scope: 'x', plannedOn: '2027-03-01', externalAuditor: 'y' })).statusCode).toBe(403);
  });
});
