import { z } from 'zod';
import { riskLevelValues } from './org.js';

/** Seed 001 第七条 facts the evaluators state beside a method; the records supply the rest. */
export const art7FactsSchema = z.strictObject({
  deaths: z.number().int().min(0).max(10_000).optional(),
  seriousInjuries: z.number().int().min(0).max(10_000).optional(),
  majorPropertyLoss: z.boolean().optional(),
  legalViolation: z.boolean().optional(),
  minorInjuryAccidents: z.number().int().min(0).max(10_000).optional(),
  majorHazardInstallation: z.boolean().optional(),
  hazardKinds: z.array(z.enum(['poisoning', 'explosion', 'fire'])).max(3).optional(),
  peopleAtOnce: z.number().int().min(0).max(100_000).optional(),
});

// Shapes only; whether a value is in the LEC/LS table is the domain's rule (domain/risk), so the
// message can say which table value was expected.
const lecBody = z.strictObject({
  method: z.literal('LEC'),
  L: z.number(),
  E: z.number(),
  C: z.number(),
  profile: z.string().max(40).optional(),
  facts: art7FactsSchema.optional(),
});
const lsBody = z.strictObject({
  method: z.literal('LS'),
  L: z.number(),
  S: z.number(),
  profile: z.string().max(40).optional(),
  facts: art7FactsSchema.optional(),
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
  /** Seed 001 第七条 rules the facts fired, with their clause ("第七条（二）2"). */
  firedRules: z.array(z.object({ rule: z.string(), level: z.enum(riskLevelValues), clause: z.string(), text: z.string() })).optional(),
  /** The method's level before the 第七条 floor (the level is never below it). */
  methodLevel: z.enum(riskLevelValues).optional(),
});
export type RiskEvaluationResult = z.infer<typeof riskEvaluationResultSchema>;
