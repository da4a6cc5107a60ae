import { type KyselyPlugin, type LimitNode, type OffsetNode, type OperationNode, OperationNodeTransformer, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow, ValueNode } from 'kysely';

/** A bound whole number as a literal; anything else (a stand-in of precompiled.ts, an expression) unchanged. */
function literal(node: OperationNode): OperationNode {
  if (ValueNode.is(node) && !node.immediate && typeof node.value === 'number' && Number.isSafeInteger(node.value)) return ValueNode.createImmediate(node.value);
  return node;
}

class LiteralLimits extends OperationNodeTransformer {
  protected override transformLimit(node: LimitNode): LimitNode {
    const limit = super.transformLimit(node);
    return { ...limit, limit: literal(limit.limit) };
  }

  protected override transformOffset(node: OffsetNode): OffsetNode {
    const offset = super.transformOffset(node);
    return { ...offset, offset: literal(offset.offset) };
  }
}

/**
 * SQLite only: `LIMIT ?` and `OFFSET ?` written as numbers. SQLite (3.53 here) weighs the bound
 * value of a LIMIT when it plans, so a statement with `LIMIT ?` is re-prepared at every execution —
 * measured under callgrind: 50 runs, 50 re-prepares; with `LIMIT 201`, none — ~200,000 CPU
 * instructions per paged query, 9 % of a hazard search. A page size is a whole number the server
 * chose or validated, and a literal gives a few statement texts per query (statement-cache.ts).
 * Raw `sql` templates write theirs with `sql.lit`.
 */
export class SqliteLiteralLimitPlugin implements KyselyPlugin {
  readonly #transformer = new LiteralLimits();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
