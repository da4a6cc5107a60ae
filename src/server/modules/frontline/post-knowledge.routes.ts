import { z } from 'zod';
import type { AppDeps } from '../../app-deps.js';
import { allRoles } from '../../../schemas/auth.js';
import { idParamsSchema } from '../../../schemas/common.js';
import { postKnowledgeCheckDetailSchema, postKnowledgeCheckInputSchema, postKnowledgeCheckListQuerySchema, postKnowledgeCheckSchema, postQuizSchema } from '../../../schemas/post-knowledge.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { type AnyRouteDef, defineRoute, requireTenant, requireUser } from '../../platform/http/route.js';
import { signOffWriterRoles } from '../../platform/sign-off/sign-off.routes.js';
import { getPostQuiz, type KnowledgeActor, listKnowledgeChecks, submitKnowledgeCheck } from './post-knowledge.service.js';

const tags = ['frontline'];
const actorOf = (auth: AuthContext | null): KnowledgeActor => {
  const tenant = requireTenant(auth);
  return { userId: requireUser(auth).userId, enterpriseId: tenant.enterpriseId, role: tenant.role };
};

export function postKnowledgeRoutes(deps: AppDeps): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/posts/:id/quiz',
      access: { kind: 'tenant', roles: allRoles },
      summary: "应知应会: five multiple-choice questions drawn from the post's risks, measures and emergency actions (answers withheld), with the seed to send back",
      tags,
      params: idParamsSchema,
      response: postQuizSchema,
      handler: async ({ auth, params, locale }) => getPostQuiz(deps, requireTenant(auth).enterpriseId, params.id, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/post-knowledge-checks',
      access: { kind: 'tenant', roles: signOffWriterRoles },
      summary: "Acknowledge the post card and answer its quiz (body: postId, seed, fingerprint, answers); scored against the quiz regenerated from the seed; insert-only",
      tags,
      body: postKnowledgeCheckInputSchema,
      response: postKnowledgeCheckDetailSchema,
      handler: async ({ auth, body, locale }) => submitKnowledgeCheck(deps, actorOf(auth), body, locale),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/post-knowledge-checks',
      access: { kind: 'tenant', roles: allRoles },
      summary: 'Quiz results, newest first (postId, personId, year): everyone’s for managers, team leaders, consultants and regulators; one’s own for a worker',
      tags,
      query: postKnowledgeCheckListQuerySchema,
      response: z.object({ items: z.array(postKnowledgeCheckSchema), nextCursor: z.string().nullable() }),
      handler: async ({ auth, query }) => listKnowledgeChecks(deps, actorOf(auth), query),
    }),
  ];
}
