import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import type { PostDto } from '../../../schemas/org.js';
import { AppError } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute, requireTenant } from '../../platform/http/route.js';
import type { OrgServices } from '../org/org.routes.js';
import { attachmentHeader, buildRiskListWorkbook } from './risk-list-export.service.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function allLivePosts(org: OrgServices, enterpriseId: string): Promise<PostDto[]> {
  const posts: PostDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await org.posts.list(enterpriseId, { limit: 200, cursor });
    posts.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return posts;
}

/** "One post, one list" downloads (seed 001 Art. 20, 附件1 and 附件2). */
export function riskListExportRoutes(deps: AppDeps, org: OrgServices): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/risk-list.xlsx',
      access: { kind: 'tenant', roles: allRoles },
      summary: "One post's risk control and hazard inspection list (附件1 or 附件2 by the post's kind)",
      tags: ['risks'],
      params: idParamsSchema,
      produces: xlsx,
      handler: async ({ auth, params, locale, reply }) => {
        const { enterpriseId } = requireTenant(auth);
        const post = await org.posts.get(enterpriseId, params.id);
        // An archived post has no current list; its history stays in the audit log.
        if (post.archivedAt) throw new AppError('ARCHIVED', { entity: 'post' });
        const file = await buildRiskListWorkbook(deps.db, enterpriseId, [post], locale, [post.kind]);
        reply.header('content-disposition', attachmentHeader(`${post.name}-风险管控与隐患排查清单.xlsx`));
        return file;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/risk-list.xlsx',
      access: { kind: 'tenant', roles: allRoles },
      summary: "The enterprise's lists: one sheet for operation posts (附件1), one for management posts (附件2)",
      tags: ['risks'],
      produces: xlsx,
      handler: async ({ auth, locale, reply }) => {
        const { enterpriseId } = requireTenant(auth);
        const posts = await allLivePosts(org, enterpriseId);
        const file = await buildRiskListWorkbook(deps.db, enterpriseId, posts, locale, ['operation', 'management']);
        reply.header('content-disposition', attachmentHeader('风险管控与隐患排查清单.xlsx'));
        return file;
      },
    }),
  ];
}
