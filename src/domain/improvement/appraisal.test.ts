import { describe, expect, it } from 'vitest';
import { type AppraisalPerson, appraisalRows, type PersonFigures } from './appraisal.js';

const people: AppraisalPerson[] = [
  { personId: 'a', name: '王一', orgUnitId: 'u1', orgUnitName: '一班', posts: [{ id: 'p1', name: '车床工' }] },
  { personId: 'b', name: '李二', orgUnitId: 'u1', orgUnitName: '一班', posts: [{ id: 'p1', name: '车床工' }, { id: 'p2', name: '叉车司机' }] },
  { personId: 'c', name: '张三', orgUnitId: null, orgUnitName: null, posts: [] },
];
const figures = new Map<string, PersonFigures>([
  ['a', { tasks: { due: 10, done: 9, onTime: 8 }, hazardsReported: 3, rectifications: { closed: 2, onTime: 1 }, training: { isMet: true }, quiz: { checks: 2, passed: 1, scorePercentSum: 150 } }],
  ['b', { tasks: { due: 5, done: 5, onTime: 5 }, hazardsReported: 0, rectifications: { closed: 0, onTime: 0 }, training: { isMet: false }, quiz: { checks: 1, passed: 1, scorePercentSum: 100 } }],
]);

describe('appraisal (001 第二十一条)', () => {
  const rows = appraisalRows(people, figures);
  const row = (scope: string, id: string) => rows.find((r) => r.scope === scope && r.id === id)!;

  it('a person: tasks on time, hazards reported, rectified on time, training, quiz', () => {
    expect(row('person', 'a')).toMatchObject({ tasksDue: 10, tasksOnTime: 8, taskOnTimeRate: 0.8, hazardsReported: 3, rectificationsClosed: 2, rectifiedOnTime: 1, rectifiedOnTimeRate: 0.5, trainingMet: 1, trainingKnown: 1, quizChecks: 2, quizPassed: 1, quizAveragePercent: 75 });
    // No figures: zero counts, no rates, training unknown.
    expect(row('person', 'c')).toMatchObject({ tasksDue: 0, taskOnTimeRate: null, rectifiedOnTimeRate: null, trainingMet: 0, trainingKnown: 0, quizAveragePercent: null });
  });

  it('a post sums the people holding it; a department the people of its unit', () => {
    expect(row('post', 'p1')).toMatchObject({ people: 2, tasksDue: 15, tasksOnTime: 13, taskOnTimeRate: 0.867, hazardsReported: 3, trainingMet: 1, trainingKnown: 2, quizChecks: 3, quizAveragePercent: 83.3 });
    expect(row('post', 'p2')).toMatchObject({ people: 1, tasksDue: 5, taskOnTimeRate: 1 });
    expect(row('department', 'u1')).toMatchObject({ name: '一班', people: 2, tasksDue: 15, rectificationsClosed: 2, rectifiedOnTimeRate: 0.5 });
    expect(rows.filter((r) => r.scope === 'department')).toHaveLength(1);
    expect(rows.map((r) => r.scope)).toEqual(['person', 'person', 'person', 'post', 'post', 'department']);
  });
});
