import { z } from 'zod';
import { queryBoolean } from './common.js';

/** A due item's state at the moment it is read: done, still due, or past its date and not done. */
export const dueStatuses = ['due', 'overdue', 'done'] as const;
export type DueStatus = (typeof dueStatuses)[number];

/**
 * One thing the enterprise owes by a date (DESIGN "Mechanisms built once: Due items"). Every feature
 * exposes its due dates in this shape; the list, notifications and later the calendar read only this.
 */
export const dueItemSchema = z.object({
  /** Stable kind, prefixed by the feature: 'hazard.rectification', 'emergency.drill', … */
  kind: z.string(),
  title: z.string(),
  dueAt: z.string(),
  status: z.enum(dueStatuses),
  ownerPersonId: z.string().nullable(),
  /** Path of the web page where the item is dealt with. */
  link: z.string(),
  /** '<entity>:<id>' of the record the item comes from (unique per kind and due date). */
  sourceRef: z.string(),
});
export type DueItemDto = z.infer<typeof dueItemSchema>;

export const dueItemQuerySchema = z.strictObject({
  /** Window of due dates; defaults: 30 days back to 90 days ahead. Open items due before `from` are always listed. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** A kind ('emergency.drill') or a feature prefix ('emergency'). */
  kind: z.string().trim().max(60).optional(),
  status: z.enum(dueStatuses).optional(),
  /** Only what the caller owns (their person record). Workers always get only their own. */
  mine: queryBoolean.optional(),
});
export type DueItemQuery = z.infer<typeof dueItemQuerySchema>;

export const dueItemListSchema = z.object({
  items: z.array(dueItemSchema),
  /** More than the limit matched; narrow the window or the kind. */
  isTruncated: z.boolean(),
});
export type DueItemListDto = z.infer<typeof dueItemListSchema>;

/** Who may subscribe their phone's calendar to the due items (.ics): not the regulator (it reads, it keeps no calendar of the enterprise). */
export const calendarFeedRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker', 'consultant'] as const;
