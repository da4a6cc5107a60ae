/* Live people with their org unit and posts (ids and names), for features that tally per person,
 * post and department (the appraisal). */
import type { Executor } from '../../db/with-transaction.js';

export async function peopleRoster(db: Executor, enterpriseId: string) {
  const people = await db
    .selectFrom('person')
    .leftJoin('org_unit', (j) => j.onRef('org_unit.id', '=', 'person.org_unit_id').onRef('org_unit.enterprise_id', '=', 'person.enterprise_id'))
    .select(['person.id', 'person.name', 'person.org_unit_id', 'org_unit.name as org_unit_name'])
    .where('person.enterprise_id', '=', enterpriseId)
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .execute();
  const posts = await db
    .selectFrom('person_post')
    .innerJoin('post', (j) => j.onRef('post.id', '=', 'person_post.post_id').onRef('post.enterprise_id', '=', 'person_post.enterprise_id'))
    .select(['person_post.person_id', 'post.id', 'post.name'])
    .where('person_post.enterprise_id', '=', enterpriseId)
    .where('post.archived_at', 'is', null)
    .execute();
  return people.map((p) => ({
    personId: p.id,
    name: p.name,
    orgUnitId: p.org_unit_id,
    orgUnitName: p.org_unit_name ?? null,
    posts: posts.filter((x) => x.person_id === p.id).map((x) => ({ id: x.id, name: x.name })),
  }));
}
