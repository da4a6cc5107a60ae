/* 应知应会 — know-your-post acknowledgement and quiz (issue 11 §6). */
import { z } from 'zod';
import { idSchema } from './common.js';

export const quizQuestionKindSchema = z.enum(['accident_type', 'measure', 'emergency', 'general']);

export const postQuizSchema = z.object({
  postId: z.string(),
  postName: z.string(),
  seed: z.string(),
  /** Sent back with the answers: a quiz whose post changed meanwhile is refused (409). */
  fingerprint: z.string(),
  questions: z.array(z.object({ id: z.string(), kind: quizQuestionKindSchema, prompt: z.string(), options: z.array(z.string()) })),
});
export type PostQuizDto = z.infer<typeof postQuizSchema>;

export const postKnowledgeCheckInputSchema = z.strictObject({
  postId: idSchema,
  seed: z.string().trim().min(4).max(64),
  fingerprint: z.string().trim().min(1).max(32),
  /** The chosen option per question, in order; null for one left unanswered. */
  answers: z.array(z.number().int().min(0).max(9).nullable()).min(1).max(10),
  /** "I have read the post card": required. */
  isAcknowledged: z.literal(true),
  clientId: z.string().trim().min(8).max(100).optional(),
});
export type PostKnowledgeCheckInput = z.infer<typeof postKnowledgeCheckInputSchema>;

export const postKnowledgeCheckListQuerySchema = z.strictObject({
  postId: idSchema.optional(),
  personId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional(),
});

export const postKnowledgeCheckSchema = z.object({
  id: z.string(),
  postId: z.string(),
  postName: z.string(),
  personId: z.string(),
  personName: z.string(),
  score: z.number(),
  total: z.number(),
  isPassed: z.boolean(),
  isAcknowledged: z.boolean(),
  createdAt: z.string(),
});
export type PostKnowledgeCheckDto = z.infer<typeof postKnowledgeCheckSchema>;

export const postKnowledgeCheckDetailSchema = postKnowledgeCheckSchema.extend({
  questions: z.array(
    z.object({ id: z.string(), kind: quizQuestionKindSchema, prompt: z.string(), options: z.array(z.string()), answerIndex: z.number(), chosenIndex: z.number().nullable() }),
  ),
});
export type PostKnowledgeCheckDetail = z.infer<typeof postKnowledgeCheckDetailSchema>;
