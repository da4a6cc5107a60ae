import { z } from 'zod';
import { evaluateRisk } from '../../../domain/risk/evaluate.js';
import { isReferenceSetName, referenceSetNames, referenceSets } from '../../../reference/index-of-sets.js';
import { riskEvaluationInputSchema, riskEvaluationResultSchema, type RiskEvaluationResult } from '../../../schemas/risk-evaluation.js';
import { notFound } from '../../platform/http/app-error.js';
import { type AnyRouteDef, defineRoute } from '../../platform/http/route.js';

const tags = ['reference'];

export function referenceRoutes(): AnyRouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/reference',
      access: { kind: 'user' },
      summary: 'Names of the reference sets (standards data)',
      tags,
      response: z.object({ items: z.array(z.string()) }),
      handler: async () => ({ items: [...referenceSetNames] }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/reference/:set',
      access: { kind: 'user' },
      summary: 'One reference set with its source standard, labels in the request language',
      tags,
      params: z.strictObject({ set: z.string().max(60) }),
      handler: async ({ params, locale }) => {
        if (!isReferenceSetName(params.set)) throw notFound('reference_set');
        return referenceSets[params.set](locale);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/risk-evaluations',
      access: { kind: 'user' },
      summary: 'Evaluate a risk (LEC, LS or direct judgement, with optional seed 001 第七条 facts) without storing anything — the live preview',
      tags,
      body: riskEvaluationInputSchema,
      response: riskEvaluationResultSchema,
      successStatus: 200,
      handler: async ({ body, locale }): Promise<RiskEvaluationResult> => {
        const result = evaluateRisk(body);
        return {
          method: result.method,
          score: result.score,
          level: result.level,
          colour: result.colour,
          profile: result.profile,
          reasons: result.reasons.map((r) => r[locale]),
          // Seed 001 第七条 floors every method: the fired rules and the method's own level before it.
          firedRules: result.firedRules.map((f) => ({ rule: f.rule, level: f.level, clause: f.clause, text: f.text[locale] })),
          methodLevel: result.methodLevel,
        };
      },
    }),
  ];
}
