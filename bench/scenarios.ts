/* The bench's scenarios: each names the product API request and the bare route doing the same SQL or writes. */
import { randomUUID } from 'node:crypto';
import type autocannon from 'autocannon';

export interface ServerInfo {
  pid: number;
  api: string;
  bare: string;
  cookie: string;
  workerCookie: string;
  postId: string;
  taskId: string;
  /** A done task with its 20 records. */
  doneTaskId: string;
  itemIds: string[];
  deep: { cursor: string; at: string; id: string };
  /** The worker's task list after 90 % of their tasks. */
  deepTask: { cursor: string; at: string; id: string };
  generatedMs: number;
  durability: { settings: Record<string, string>; isDurable: boolean };
}

export interface Scenario {
  name: string;
  api: (s: ServerInfo) => autocannon.Options;
  bare: (s: ServerInfo) => autocannon.Options;
}

const json = { 'content-type': 'application/json' };
export const get = (url: string, cookie?: string): autocannon.Options => ({ url, headers: cookie ? { cookie } : {} });
const post = (url: string, headers: Record<string, string>, body: () => string): autocannon.Options => ({
  url,
  requests: [{ method: 'POST', headers: { ...json, ...headers }, setupRequest: (r) => ({ ...r, body: body() }) }],
});
const hazardBody = () => JSON.stringify({ description: `压测：护栏缺失 ${randomUUID().slice(0, 8)}`, clientId: randomUUID() });

export const allScenarios: Scenario[] = [
  { name: 'page 1', api: (s) => get(`${s.api}/api/v1/hazards?limit=50`, s.cookie), bare: (s) => get(`${s.bare}/hazards`) },
  {
    name: 'deep page (after 90 %)',
    api: (s) => get(`${s.api}/api/v1/hazards?limit=50&cursor=${s.deep.cursor}`, s.cookie),
    bare: (s) => get(`${s.bare}/hazards?at=${encodeURIComponent(s.deep.at)}&id=${s.deep.id}`),
  },
  { name: 'filter status=closed', api: (s) => get(`${s.api}/api/v1/hazards?limit=50&status=closed`, s.cookie), bare: (s) => get(`${s.bare}/hazards?status=closed`) },
  { name: 'filter post', api: (s) => get(`${s.api}/api/v1/hazards?limit=50&postId=${s.postId}`, s.cookie), bare: (s) => get(`${s.bare}/hazards?postId=${s.postId}`) },
  { name: 'filter overdue', api: (s) => get(`${s.api}/api/v1/hazards?limit=50&overdue=true`, s.cookie), bare: (s) => get(`${s.bare}/hazards?overdue=true`) },
  // Searches ask for 40 a page: a text in 1 of 24 hazards has 42 matches at 1,000 hazards, so a page
  // of 50 is short there (and the 2-character walk reads the whole table) but full at 50,000 — the
  // 50k ÷ 1k ratio would weigh a short page against a full one, not the cost of the data's size.
  {
    name: 'search q (5 chars, 1 in 24)',
    api: (s) => get(`${s.api}/api/v1/hazards?limit=40&q=${encodeURIComponent('配电箱未上')}`, s.cookie),
    bare: (s) => get(`${s.bare}/hazards?limit=40&q=${encodeURIComponent('配电箱未上')}`),
  },
  {
    name: 'search q (2 chars)',
    api: (s) => get(`${s.api}/api/v1/hazards?limit=40&q=${encodeURIComponent('气瓶')}`, s.cookie),
    bare: (s) => get(`${s.bare}/hazards?limit=40&q=${encodeURIComponent('气瓶')}`),
  },
  { name: 'create hazard', api: (s) => post(`${s.api}/api/v1/hazards`, { cookie: s.cookie }, hazardBody), bare: (s) => post(`${s.bare}/hazards`, {}, hazardBody) },
  { name: 'records: task list', api: (s) => get(`${s.api}/api/v1/inspection-tasks?limit=50`, s.workerCookie), bare: (s) => get(`${s.bare}/tasks`) },
  {
    name: 'records: tasks deep page (after 90 %)',
    api: (s) => get(`${s.api}/api/v1/inspection-tasks?limit=50&cursor=${s.deepTask.cursor}`, s.workerCookie),
    bare: (s) => get(`${s.bare}/tasks?at=${encodeURIComponent(s.deepTask.at)}&id=${s.deepTask.id}`),
  },
  { name: 'records: tasks status=done', api: (s) => get(`${s.api}/api/v1/inspection-tasks?limit=50&status=done`, s.workerCookie), bare: (s) => get(`${s.bare}/tasks?status=done`) },
  { name: 'records: task + 20 records', api: (s) => get(`${s.api}/api/v1/inspection-tasks/${s.doneTaskId}`, s.workerCookie), bare: (s) => get(`${s.bare}/tasks/${s.doneTaskId}`) },
  {
    name: '20-item submission',
    api: (s) => post(`${s.api}/api/v1/inspection-tasks/${s.taskId}/records`, { cookie: s.workerCookie }, () => submission(s)),
    bare: (s) => post(`${s.bare}/records`, {}, () => submission(s, true)),
  },
];


function submission(s: ServerInfo, withTask = false): string {
  return JSON.stringify({
    clientId: randomUUID(),
    capturedAt: new Date().toISOString(),
    ...(withTask ? { taskId: s.taskId } : {}),
    results: s.itemIds.map((itemId, i) => ({ itemId, result: i === 7 ? 'na' : 'pass', note: '' })),
  });
}
