/*
 * Appraisal (考核, seed 001 第二十一条: the mechanism's results count in each post's and person's
 * appraisal): per person, post and department for a period — inspection tasks done on time, hazards
 * found and reported, hazards rectified on time, training requirements met, quiz results. The figures
 * come from each feature's per-person indicator function; this is the pure tally. A post's row sums
 * the people holding it (a person with two posts counts in both); a department's row sums the people
 * whose own org unit it is (sub-units are their own rows). Pure.
 */

export interface AppraisalPerson {
  personId: string;
  name: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  posts: { id: string; name: string }[];
}

export interface PersonFigures {
  tasks?: { due: number; done: number; onTime: number };
  hazardsReported?: number;
  rectifications?: { closed: number; onTime: number };
  training?: { isMet: boolean };
  quiz?: { checks: number; passed: number; scorePercentSum: number };
}

export interface AppraisalRow {
  scope: 'person' | 'post' | 'department';
  id: string;
  name: string;
  /** Post and department: the names of their people. */
  people: number;
  tasksDue: number;
  tasksOnTime: number;
  taskOnTimeRate: number | null;
  hazardsReported: number;
  rectificationsClosed: number;
  rectifiedOnTime: number;
  rectifiedOnTimeRate: number | null;
  /** People whose training requirements are met (a person: 1 or 0), of `trainingKnown`. */
  trainingMet: number;
  trainingKnown: number;
  quizChecks: number;
  quizPassed: number;
  quizAveragePercent: number | null;
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

function tally(scope: AppraisalRow['scope'], id: string, name: string, members: { f: PersonFigures }[]): AppraisalRow {
  const sum = (pick: (f: PersonFigures) => number | undefined) => members.reduce((n, m) => n + (pick(m.f) ?? 0), 0);
  const tasksDue = sum((f) => f.tasks?.due);
  const tasksOnTime = sum((f) => f.tasks?.onTime);
  const closed = sum((f) => f.rectifications?.closed);
  const onTime = sum((f) => f.rectifications?.onTime);
  const checks = sum((f) => f.quiz?.checks);
  return {
    scope,
    id,
    name,
    people: members.length,
    tasksDue,
    tasksOnTime,
    taskOnTimeRate: rate(tasksOnTime, tasksDue),
    hazardsReported: sum((f) => f.hazardsReported),
    rectificationsClosed: closed,
    rectifiedOnTime: onTime,
    rectifiedOnTimeRate: rate(onTime, closed),
    trainingMet: members.filter((m) => m.f.training?.isMet).length,
    trainingKnown: members.filter((m) => m.f.training !== undefined).length,
    quizChecks: checks,
    quizPassed: sum((f) => f.quiz?.passed),
    quizAveragePercent: checks ? Math.round((sum((f) => f.quiz?.scorePercentSum) / checks) * 10) / 10 : null,
  };
}

/** Rows for every person, then every post held, then every department with people, each sorted by name. */
export function appraisalRows(people: readonly AppraisalPerson[], figures: ReadonlyMap<string, PersonFigures>): AppraisalRow[] {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');
  const withF = people.map((p) => ({ p, f: figures.get(p.personId) ?? {} }));
  const persons = withF.map(({ p, f }) => tally('person', p.personId, p.name, [{ f }])).sort(byName);
  const posts = new Map<string, { name: string; members: { f: PersonFigures }[] }>();
  const units = new Map<string, { name: string; members: { f: PersonFigures }[] }>();
  for (const m of withF) {
    for (const post of m.p.posts) {
      const g = posts.get(post.id) ?? { name: post.name, members: [] };
      g.members.push(m);
      posts.set(post.id, g);
    }
    if (m.p.orgUnitId) {
      const g = units.get(m.p.orgUnitId) ?? { name: m.p.orgUnitName ?? '', members: [] };
      g.members.push(m);
      units.set(m.p.orgUnitId, g);
    }
  }
  return [
    ...persons,
    ...[...posts].map(([id, g]) => tally('post', id, g.name, g.members)).sort(byName),
    ...[...units].map(([id, g]) => tally('department', id, g.name, g.members)).sort(byName),
  ];
}
