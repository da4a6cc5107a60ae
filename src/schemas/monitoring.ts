/* Performance monitoring plan and the measurement and monitoring table (issue 15 §1, seed 000 四(一)). */
import { z } from 'zod';
import { monitoringFrequencies, monitoringSubjects } from '../domain/improvement/monitoring-table.js';
import { idSchema, isoDate, nonEmptyText, optionalText, pageQuerySchema } from './common.js';

export const monitoringItemCreateSchema = z.strictObject({
  subject: z.enum(monitoringSubjects),
  /** What is monitored. */
  name: nonEmptyText(300),
  method: optionalText(1000),
  frequency: z.enum(monitoringFrequencies),
  ownerPersonId: idSchema,
});
export const monitoringItemUpdateSchema = z.strictObject({
  subject: z.enum(monitoringSubjects).optional(),
  name: nonEmptyText(300).optional(),
  method: optionalText(1000).optional(),
  frequency: z.enum(monitoringFrequencies).optional(),
  ownerPersonId: idSchema.optional(),
});
export const monitoringItemSchema = z.object({
  id: z.string(),
  subject: z.enum(monitoringSubjects),
  name: z.string(),
  method: z.string(),
  frequency: z.enum(monitoringFrequencies),
  ownerPersonId: z.string(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type MonitoringItemDto = z.infer<typeof monitoringItemSchema>;
export const monitoringItemListQuerySchema = pageQuerySchema.strict();

export const monitoringTableQuerySchema = z.strictObject({ from: isoDate, to: isoDate });
export const monitoringTableSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      itemId: z.string(),
      subject: z.enum(monitoringSubjects),
      what: z.string(),
      method: z.string(),
      frequency: z.enum(monitoringFrequencies),
      ownerName: z.string().nullable(),
      result: z.string(),
      status: z.enum(['ok', 'attention', 'not_recorded', 'manual']),
    }),
  ),
});
export type MonitoringTableDto = z.infer<typeof monitoringTableSchema>;
