import type {
  ControlMeasureTable,
  InspectionItemTable,
  RiskEvaluationTable,
  RiskTable,
} from '../../db/database.js';
import type { Executor } from '../../db/with-transaction.js';

export async function insertRisk(db: Executor, row: RiskTable): Promise<void> {
  await db.insertInto('risk').values(row).execute();
}

export async function insertEvaluation(db: Executor, row: RiskEvaluationTable): Promise<void> {
  await db.insertInto('risk_evaluation').values(row).execute();
}

export async function insertMeasure(db: Executor, row: ControlMeasureTable): Promise<void> {
  await db.insertInto('control_measure').values(row).execute();
}

export async function insertInspectionItem(db: Executor, row: InspectionItemTable): Promise<void> {
  await db.insertInto('inspection_item').values(row).execute();
}

export async function updateRiskColumns(db: Executor, enterpriseId: string, riskId: string, patch: Partial<RiskTable>): Promise<void> {
  await db.updateTable('risk').set(patch).where('enterprise_id', '=', enterpriseId).where('id', '=', riskId).execute();
}

export function findRisk(db: Executor, enterpriseId: string, riskId: string): Promise<RiskTable | undefined> {
  return db.selectFrom('risk').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '=', riskId).executeTakeFirst();
}

/** Levels of the post's live, accepted risks — the input of the post level roll-up. */
export function listRiskLevelsOfPost(db: Executor, enterpriseId: string, postId: string) {
  return db
    .selectFrom('risk')
    .select(['level', 'status'])
    .where('enterprise_id', '=', enterpriseId)
    .where('post_id', '=', postId)
    .where('archived_at', 'is', null)
    .execute();
}

export function countChainOfPosts(db: Executor, enterpriseId: string, postIds: string[]) {
  return db
    .selectFrom('risk')
    .leftJoin('control_measure', 'control_measure.risk_id', 'risk.id')
    .leftJoin('inspection_item', 'inspection_item.measure_id', 'control_measure.id')
    .select((eb) => [
      eb.fn.count<number>('risk.id').distinct().as('risks'),
      eb.fn.count<number>('control_measure.id').distinct().as('measures'),
      eb.fn.count<number>('inspection_item.id').distinct().as('items'),
    ])
    .where('risk.enterprise_id', '=', enterpriseId)
    .where('risk.post_id', 'in', postIds)
    .executeTakeFirst();
}
