/* The risk register's figures (counts by level, posts without an accepted risk) and
 * the names they print (people, post holders): the queries behind statistics, lists and the checklist. */
import type { Executor } from '../../db/with-transaction.js';

export async function riskLevelCounts(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('risk')
    .select(['level', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('review_flagged_at').as('flagged')])
    .where('enterprise_id', '=', enterpriseId)
    .where('archived_at', 'is', null)
    .groupBy(['level', 'status'])
    .execute();
}

export async function postLevelCounts(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('post')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('archived_at', 'is', null)
    .groupBy('level')
    .execute();
}

export async function personNames(db: Executor, enterpriseId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The people holding each post, by name (an item of "the post's holders on duty" is printed with them). */
export async function holderNamesOfPosts(db: Executor, enterpriseId: string, postIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(postIds)];
  if (!unique.length) return out;
  const rows = await db
    .selectFrom('person_post')
    .innerJoin('person', 'person.id', 'person_post.person_id')
    .select(['person_post.post_id', 'person.name'])
    .where('person_post.enterprise_id', '=', enterpriseId)
    .where('person_post.post_id', 'in', unique)
    .where('person.archived_at', 'is', null)
    .orderBy('person.name')
    .execute();
  for (const r of rows) out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.name]);
  return out;
}

/** Live posts with no accepted live risk: posts where risk identification has not been done. */
export function listPostsWithoutAcceptedRisk(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('post')
    .select(['post.id', 'post.name'])
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('risk')
            .select('risk.id')
            .whereRef('risk.post_id', '=', 'post.id')
            .where('risk.enterprise_id', '=', enterpriseId)
            .where('risk.status', '=', 'accepted')
            .where('risk.archived_at', 'is', null),
        ),
      ),
    )
    .orderBy('post.name')
    .execute();
}

/** Live, not rejected risks of the posts, placed in the areas or naming the objects (seed 001 第七条 re-evaluation). */

/** Accepted live risks' levels with where they are (area placed in, equipment named): the places' levels. */
export function listPlacedRiskLevels(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('risk')
    .select(['area_id', 'object_kind', 'object_id', 'level'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'accepted')
    .where('archived_at', 'is', null)
    .where('level', 'is not', null)
    .execute();
}

/** Accepted live risks counted by post and level (the home page's "risk levels by post"). */
export function riskLevelCountsByPost(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('risk')
    .innerJoin('post', 'post.id', 'risk.post_id')
    .select(['risk.post_id', 'post.name as post_name', 'risk.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.status', '=', 'accepted')
    .where('risk.archived_at', 'is', null)
    .where('post.archived_at', 'is', null)
    .groupBy(['risk.post_id', 'post.name', 'risk.level'])
    .execute();
}
