/* Seed 000 三(五)3: a plan "包括下列内容" (1)–(8). A plan cannot be approved while one is missing. */
import { type PlanContentKey, planContentKeys } from '../../reference/emergency-plans';

export interface PlanContents {
  potentialEmergencies: string;
  responseDuties: string;
  /** (3) a named person in charge, or a description of the role. */
  commanderPersonId: string | null;
  commander: string;
  alarmAndHelp: string;
  onSiteCommunication: string;
  specialRoles: string;
  /** (7) at least one outside body with a phone number. */
  externalContacts: { name: string; phone: string }[];
  /** (8) supplies of the register, or resources described in words (e.g. the neighbouring plant's fire pump). */
  supplyIds: string[];
  resources: string;
}

const filled = (text: string | null | undefined) => (text ?? '').trim().length > 0;
/** A phone number has at least three digits (110, 119, 120 are real numbers). */
const isPhone = (phone: string) => (phone.match(/\d/g) ?? []).length >= 3;

/** The contents still missing, in the seed's order (empty: the plan may be approved). */
export function missingPlanContents(c: PlanContents): PlanContentKey[] {
  const present: Record<PlanContentKey, boolean> = {
    potentialEmergencies: filled(c.potentialEmergencies),
    responseDuties: filled(c.responseDuties),
    commander: c.commanderPersonId !== null || filled(c.commander),
    alarmAndHelp: filled(c.alarmAndHelp),
    onSiteCommunication: filled(c.onSiteCommunication),
    specialRoles: filled(c.specialRoles),
    externalContacts: c.externalContacts.some((x) => filled(x.name) && isPhone(x.phone)),
    resources: c.supplyIds.length > 0 || filled(c.resources),
  };
  return planContentKeys.filter((k) => !present[k]);
}
