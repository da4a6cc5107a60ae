/* Counts of what an enterprise still lacks (issue 8 §4). Read-only; each query is led by enterprise_id. */
import type { Executor } from '../../db/with-transaction.js';

const count = (row: { n: number | string | bigint } | undefined) => Number(row?.n ?? 0);

/**
 * Active items with no 责任人: naming no person and not marked "the post's holders on duty" (the list
 * cannot be published, seed 001 第十三条), or marked so on a post nobody holds (their tasks would reach no one).
 */
export async function countItemsWithoutResponsible(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db
    .selectFrom('inspection_item as i')
    .innerJoin('post', 'post.id', 'i.post_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.enterprise_id', '=', enterpriseId)
    .where('i.archived_at', 'is', null)
    .where('i.is_active', '=', 1)
    .where('i.responsible_person_id', 'is', null)
    .where('post.archived_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('i.responsible_is_holders', '=', 0),
        eb.not(
          eb.exists(
            eb
              .selectFrom('person_post as pp')
              .innerJoin('person', 'person.id', 'pp.person_id')
              .select('pp.person_id')
              .whereRef('pp.post_id', '=', 'i.post_id')
              .where('pp.enterprise_id', '=', enterpriseId)
              .where('person.archived_at', 'is', null),
          ),
        ),
      ]),
    )
    .executeTakeFirst();
  return count(row);
}

export async function countPostsWithoutHolders(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db
    .selectFrom('post')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('post.enterprise_id', '=', enterpriseId)
    .where('post.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('person_post as pp')
            .innerJoin('person', 'person.id', 'pp.person_id')
            .select('pp.person_id')
            .whereRef('pp.post_id', '=', 'post.id')
            .where('pp.enterprise_id', '=', enterpriseId)
            .where('person.archived_at', 'is', null),
        ),
      ),
    )
    .executeTakeFirst();
  return count(row);
}

/** Employees (not contractors) with no login of this enterprise. */
export async function countPeopleWithoutLogins(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person.enterprise_id', '=', enterpriseId)
    .where('person.archived_at', 'is', null)
    .where('person.is_contractor', '=', 0)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('membership as m').select('m.id').whereRef('m.person_id', '=', 'person.id').where('m.enterprise_id', '=', enterpriseId))))
    .executeTakeFirst();
  return count(row);
}

export async function countAreasWithoutPolygons(db: Executor, enterpriseId: string): Promise<number> {
  const row = await db
    .selectFrom('area')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('area.enterprise_id', '=', enterpriseId)
    .where('area.archived_at', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('area_map_polygon as p').select('p.area_id').whereRef('p.area_id', '=', 'area.id').where('p.enterprise_id', '=', enterpriseId))))
    .executeTakeFirst();
  return count(row);
}
