import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isDbAvailable, type TestApp } from '../../test/test-app.js';
import { hazardWorld, type World } from '../hazards/hazard-test-setup.js';

describe.skipIf(!isDbAvailable())('document control', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-docs-'));
  beforeAll(async () => {
    t = await createTestApp({ loginRatePerMinute: 10_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000, dataDir });
    w = await hazardWorld(t, 'dc');
    other = await hazardWorld(t, 'dcx');
    const sm = w.cookies.safety_manager;
    expect((await t.request(sm, 'POST', '/api/v1/posts', { name: '安全员', kind: 'management' })).statusCode).toBe(201);
    expect((await t.request(sm, 'POST', '/api/v1/equipment', { name: '桥式起重机', isSpecial: true })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const docxXml = async (buffer: Buffer) => (await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string')) ?? '';

  it('pre-fills the templates from the records and marks what the records lack', async () => {
    const res = await t.request(w.cookies.safety_manager, 'GET', '/api/v1/document-templates');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { key: string; content: Record<string, string>; factsUsed: string[]; factsMissing: string[] }[];
    expect(items).toHaveLength(11);
    const lifting = items.find((i) => i.key === 'rule-lifting')!;
    expect(lifting.content.scope).toContain('桥式起重机');
    expect(lifting.content.duties).toContain('安全员');
    expect(lifting.content.duties).toContain('dc 机加工车间');
    expect(lifting.factsUsed).toEqual(expect.arrayContaining(['enterpriseName', 'specialEquipment', 'managementPosts', 'departments']));
    expect(items.find((i) => i.key === 'risk-identification-procedure')!.factsMissing).toContain('evaluationMethods');
    expect((await t.request(w.cookies.worker, 'GET', '/api/v1/document-templates')).statusCode).toBe(403);
  });

  it('a rule from a template: approval required, issued to a post, a second version makes the first obsolete; the audit keeps each approval', async () => {
    const sm = w.cookies.safety_manager;
    const created = await t.request(sm, 'POST', '/api/v1/documents', { number: 'ZD-01', title: '起重作业安全管理制度', type: 'rule', templateKey: 'rule-lifting', reviewDueOn: '2027-11-30' });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json();
    expect(doc).toMatchObject({ current: null, draft: { versionNo: 1, validity: 'draft', missingHeadings: [] } });
    expect(doc.draft.content.scope).toContain('桥式起重机');
    const id = doc.id as string;

    const dist = await t.request(sm, 'PUT', `/api/v1/documents/${id}/distribution`, { postIds: [w.postId] });
    expect(dist.statusCode, dist.body).toBe(200);
    // Not approved yet: the post sees nothing.
    expect((await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/documents`)).json().items).toEqual([]);

    // Only the principal or the safety manager approves.
    expect((await t.request(w.cookies.dept_head, 'POST', `/api/v1/documents/${id}/approve`)).statusCode).toBe(403);
    const approved = await t.request(sm, 'POST', `/api/v1/documents/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().current).toMatchObject({ versionNo: 1, validity: 'current', issuedOn: '2026-11-23' });
    const seen = (await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/documents`)).json().items;
    expect(seen).toEqual([expect.objectContaining({ number: 'ZD-01', versionNo: 1, issuedOn: '2026-11-23' })]);

    // An approved version is never edited: saving opens version 2 from its text.
    const v2 = await t.request(sm, 'PUT', `/api/v1/documents/${id}/draft`, { content: { ...doc.draft.content, controls: '1．吊物下方严禁站人。' }, changeNote: '补充控制要求' });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().draft).toMatchObject({ versionNo: 2, changeNote: '补充控制要求' });
    expect(v2.json().current.versionNo).toBe(1);
    expect((await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/documents`)).json().items[0].versionNo).toBe(1);
    // The list searches number, title and the newest version's text (issue 18 §2).
    const search = async (q: string) => ((await t.request(sm, 'GET', `/api/v1/documents?q=${encodeURIComponent(q)}`)).json().items as { id: string }[]).map((i) => i.id);
    expect(await search('吊物下方严禁')).toEqual([id]);
    expect(await search('zd-0')).toEqual([id]);
    expect(await search('起重')).toEqual([id]);
    expect(await search('龘龘')).toEqual([]);
    expect(((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/documents?q=${encodeURIComponent('起重作业')}`)).json().items)).toEqual([]);
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
    const second = (await t.request(w.cookies.principal, 'POST', `/api/v1/documents/${id}/approve`)).json();
    expect(second.current).toMatchObject({ versionNo: 2, issuedOn: '2026-12-02' });
    expect(second.versions.map((v: { versionNo: number; status: string; validity: string }) => [v.versionNo, v.status, v.validity])).toEqual([
      [2, 'approved', 'current'],
      [1, 'superseded', 'obsolete'],
    ]);
    expect(second.versions[1].content.controls).not.toContain('吊物下方严禁站人');
    expect((await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/documents`)).json().items.map((i: { versionNo: number }) => i.versionNo)).toEqual([2]);
    // Nothing to approve now.
    expect((await t.request(sm, 'POST', `/api/v1/documents/${id}/approve`)).statusCode).toBe(409);

    const log = (await t.request(sm, 'GET', `/api/v1/audit-log?entity=controlled_document_version`)).json().items as { action: string; after: { versionNo: number; issuedOn: string } }[];
    expect(log.filter((e) => e.action === 'approve').map((e) => [e.after.versionNo, e.after.issuedOn]).sort()).toEqual([
      [1, '2026-11-23'],
      [2, '2026-12-02'],
    ]);

    // The .docx of the current version carries the six headings and the version.
    const docx = await t.request(w.cookies.worker, 'GET', `/api/v1/documents/${id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await docxXml(docx.rawPayload);
    for (const words of ['起重作业安全管理制度', '目的', '范围', '职责', '控制要求', '相关文件和记录', '吊物下方严禁站人', '现行有效', 'dc 车床工']) expect(xml).toContain(words);
    const old = await docxXml((await t.request(sm, 'GET', `/api/v1/documents/${id}/document.docx?versionId=${second.versions[1].id}`)).rawPayload);
    expect(old).toContain('作废');

    // Withdrawal: every version obsolete, the post sees nothing, no new draft.
    const withdrawn = await t.request(sm, 'POST', `/api/v1/documents/${id}/withdraw`, { reason: '合并到设备管理制度' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().current).toBeNull();
    expect(withdrawn.json().versions.map((v: { validity: string }) => v.validity)).toEqual(['obsolete', 'obsolete']);
    expect((await t.request(w.cookies.worker, 'GET', `/api/v1/posts/${w.postId}/documents`)).json().items).toEqual([]);
    expect((await t.request(sm, 'PUT', `/api/v1/documents/${id}/draft`, { content: doc.draft.content })).statusCode).toBe(409);
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
  });

  it('refuses an incomplete draft, a taken number, foreign posts and owners, and read-only roles; the other enterprise sees nothing', async () => {
    const sm = w.cookies.safety_manager;
    const blank = (await t.request(sm, 'POST', '/api/v1/documents', { number: 'JL-01', title: '隐患排查记录表', type: 'record_form', content: { purpose: '记录排查结果' } })).json();
    const refused = await t.request(sm, 'POST', `/api/v1/documents/${blank.id}/approve`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['content.scope', 'content.duties', 'content.controls', 'content.records']);
    const taken = await t.request(sm, 'POST', '/api/v1/documents', { number: 'JL-01', title: '重复', type: 'rule' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('number');
    const foreignPost = await t.request(sm, 'PUT', `/api/v1/documents/${blank.id}/distribution`, { postIds: [other.postId] });
    expect(foreignPost.statusCode).toBe(400);
    expect(foreignPost.json().errors[0].path).toBe('postIds');
    const foreignOwner = await t.request(sm, 'POST', '/api/v1/documents', { number: 'JL-02', title: '记录', type: 'record_form', ownerPersonId: other.people.worker });
    expect(foreignOwner.statusCode).toBe(400);
    expect(foreignOwner.json().errors[0].path).toBe('ownerPersonId');
    expect((await t.request(sm, 'GET', '/api/v1/documents?limit=200')).json().items.map((d: { number: string }) => d.number)).not.toContain('JL-02');
    expect((await t.request(w.cookies.worker, 'POST', '/api/v1/documents', { number: 'X', title: 'X', type: 'rule' })).statusCode).toBe(403);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/documents/${blank.id}`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'POST', `/api/v1/documents/${blank.id}/approve`)).statusCode).toBe(404);
    expect((await t.request(other.cookies.safety_manager, 'GET', '/api/v1/documents')).json().items).toEqual([]);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/posts/${w.postId}/documents`)).statusCode).toBe(404);
  });

  it('stores an uploaded PDF or Word file as a version, checks its bytes, and serves it back', async () => {
    const sm = w.cookies.safety_manager;
    const doc = (await t.request(sm, 'POST', '/api/v1/documents', { number: 'CX-09', title: '外来文件', type: 'procedure' })).json();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF')]);
    const lying = await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/file?fileName=x.pdf`, Buffer.from('not a pdf at all'), { 'content-type': 'application/pdf' });
    expect(lying.statusCode).toBe(415);
    const wrongType = await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/file?fileName=x.exe`, pdf, { 'content-type': 'application/octet-stream' });
    expect(wrongType.statusCode).toBe(415);
    const up = await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/file?fileName=${encodeURIComponent('外来文件.pdf')}`, pdf, { 'content-type': 'application/pdf' });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().draft).toMatchObject({ versionNo: 1, file: { name: '外来文件.pdf', mime: 'application/pdf', bytes: pdf.length }, missingHeadings: [] });
    const approved = (await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/approve`)).json();
    expect(approved.current.file.name).toBe('外来文件.pdf');
    // A Word file opens version 2.
    const docxBody = (await t.request(sm, 'GET', `/api/v1/documents/${doc.id}/document.docx`)).rawPayload;
    const up2 = await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/file?fileName=v2.docx`, docxBody, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(up2.statusCode, up2.body).toBe(201);
    expect(up2.json().draft).toMatchObject({ versionNo: 2, file: { name: 'v2.docx' } });
    expect(up2.json().current.versionNo).toBe(1);
    const back = await t.request(w.cookies.worker, 'GET', `/api/v1/documents/${doc.id}/versions/${approved.current.id}/file`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toContain('application/pdf');
    expect(back.rawPayload.equals(pdf)).toBe(true);
    expect((await t.request(other.cookies.safety_manager, 'GET', `/api/v1/documents/${doc.id}/versions/${approved.current.id}/file`)).statusCode).toBe(404);
    // Over 10 MB: refused, nothing stored.
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const tooBig = await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/file?fileName=big.pdf`, huge, { 'content-type': 'application/pdf' });
    expect(tooBig.statusCode).toBe(413);
    expect((await t.request(sm, 'GET', `/api/v1/documents/${doc.id}`)).json().draft.file.name).toBe('v2.docx');
  });

  it('two saves at once open one next version: the other edits it or gets 409, never a 500', async () => {
    const sm = w.cookies.safety_manager;
    const doc = (await t.request(sm, 'POST', '/api/v1/documents', { number: 'ZD-CC', title: '并发', type: 'rule', templateKey: 'rule-fire' })).json();
    await t.request(sm, 'POST', `/api/v1/documents/${doc.id}/approve`);
    const both = await Promise.all([1, 2].map((n) => t.request(sm, 'PUT', `/api/v1/documents/${doc.id}/draft`, { content: { ...doc.draft.content, purpose: `修订 ${n}` } })));
    for (const r of both) expect([200, 409], r.body).toContain(r.statusCode);
    expect(both.some((r) => r.statusCode === 200)).toBe(true);
    const versions = (await t.request(sm, 'GET', `/api/v1/documents/${doc.id}`)).json().versions as { versionNo: number; status: string }[];
    expect(versions.map((v) => [v.versionNo, v.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
  });

  it("a document's review date is a due item for its owner", async () => {
    const sm = w.cookies.safety_manager;
    await t.request(sm, 'POST', '/api/v1/documents', { number: 'ZD-PS', title: '评审测试', type: 'rule', ownerPersonId: w.people.dept_head, reviewDueOn: '2026-11-30' });
    const due = (await t.request(sm, 'GET', '/api/v1/due-items?kind=documents')).json().items as { kind: string; title: string; ownerPersonId: string; status: string }[];
    const mine = due.filter((d) => d.title.includes('ZD-PS'));
    expect(mine).toEqual([expect.objectContaining({ kind: 'documents.review', ownerPersonId: w.people.dept_head, status: 'due' })]);
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    const later = (await t.request(sm, 'GET', '/api/v1/due-items?kind=documents')).json().items as { title: string; status: string }[];
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
    expect(later.find((d) => d.title.includes('ZD-PS'))?.status).toBe('overdue');
  });
});
