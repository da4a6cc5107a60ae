import { z } from 'zod';
import { riskLevelValues } from './org.js';

// Shapes only; whether a value is in the LEC/LS table is the domain's rule (domain/risk), so the
// message can say which table value was expected.
const lecBody = z.strictObject({
  method: z.literal('LEC'),
  L: z.number(),
  E: z.number(),
  C: z.number(),
  profile: z.string().max(40).optional(),
});
const lsBody = z.strictObject({
  method: z.literal('LS'),
  L: z.number(),
  S: z.number(),
  profile: z.string().max(40).optional(),
});
const directBody = z.strictObject({
  method: z.literal('DIRECT'),
  deaths: z.number().int().min(0).max(10_000),
  seriousInjuries: z.number().int().min(0).max(10_000),
  majorPropertyLoss: z.boolean(),
  legalViolation: z.boolean(),
  minorInjuryAccidents: z.number().int().min(0).max(10_000),
  majorHazardInstallation: z.boolean(),
  hazardPlace: z.enum(['poisoning', 'explosion', 'fire']).nullable(),
  peopleAtOnce: z.number().int().min(0).max(100_000),
  base: z.discriminatedUnion('method', [lecBody, lsBody]).optional(),
  judgedLevel: z.enum(riskLevelValues).optional(),
});

export const riskEvaluationInputSchema = z.discriminatedUnion('method', [lecBody, lsBody, directBody]);
export type RiskEvaluationInputBody = z.infer<typeof riskEvaluationInputSchema>;

export const riskEvaluationResultSchema = z.object({
  method: z.enum(['LEC', 'LS', 'DIRECT']),
  score: z.number().nullable(),
  level: z.enum(riskLevelValues),
  colour: z.enum(['red', 'orange', 'yellow', 'blue']),
  profile: z.string().nullable(),
  reasons: z.array(z.string()),
  firedRules: z.array(z.object({ rule: z.string(), level: z.enum(riskLevelValues), text: z.string() })).optional(),
});
export type RiskEvaluationResult = z.infer<typeof riskEvaluationResultSchema>;
