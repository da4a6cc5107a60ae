import type { Widen } from '../widen';
import { commonMessages } from './common';
import { orgMessages } from './org';
import { systemMessages } from './system';
import { publicationMessages } from './publication';
import { hazardsMessages } from './hazards';
import { inspectionsMessages } from './inspections';
import { notificationsMessages } from './notifications';
import { risksMessages } from './risks';
import { templatesMessages } from './templates';
import { signOffsMessages } from './sign-offs';
import { dueItemsMessages } from './due-items';
import { standardizationMessages } from './standardization';
import { emergencyMessages } from './emergency';
import { managementMessages } from './management';
import { operationsMessages } from './operations';
import { ohsSystemMessages } from './ohs-system';
import { documentsMessages } from './documents';
import { accidentsMessages } from './accidents';
import { countyMessages, oversightMessages, statisticsMessages } from './oversight';
import { consultancyMessages } from './consultancy';
import { trainingMessages } from './training';
import { firstHourMessages } from './first-hour';
import { frontlineMessages } from './frontline';
import { improvementMessages } from './improvement';
import { safetySignsMessages } from './safety-signs';
import { calendarMessages } from './calendar';

/** Per feature, in the order they are assembled (i18n.test.ts checks they never share a top-level key). */
export const zhCNParts = {
  common: commonMessages,
  org: orgMessages,
  system: systemMessages,
  publication: publicationMessages,
  hazards: hazardsMessages,
  inspections: inspectionsMessages,
  notifications: notificationsMessages,
  risks: risksMessages,
  templates: templatesMessages,
  signOffs: signOffsMessages,
  dueItems: dueItemsMessages,
  standardization: standardizationMessages,
  emergency: emergencyMessages,
  management: managementMessages,
  operations: operationsMessages,
  ohsSystem: ohsSystemMessages,
  documents: documentsMessages,
  accidents: accidentsMessages,
  oversight: oversightMessages,
  county: countyMessages,
  statistics: statisticsMessages,
  consultancy: consultancyMessages,
  training: trainingMessages,
  firstHour: firstHourMessages,
  frontline: frontlineMessages,
  improvement: improvementMessages,
  safetySigns: safetySignsMessages,
  calendar: calendarMessages,
} as const;

/** Chinese UI strings (default locale). en-US must have exactly the same keys (see i18n.test.ts). */
export const zhCN = {
  ...commonMessages,
  ...orgMessages,
  ...systemMessages,
  ...publicationMessages,
  ...hazardsMessages,
  ...inspectionsMessages,
  ...notificationsMessages,
  ...risksMessages,
  ...templatesMessages,
  ...signOffsMessages,
  ...dueItemsMessages,
  ...standardizationMessages,
  ...emergencyMessages,
  ...managementMessages,
  ...operationsMessages,
  ...ohsSystemMessages,
  ...documentsMessages,
  ...accidentsMessages,
  ...oversightMessages,
  ...countyMessages,
  ...statisticsMessages,
  ...consultancyMessages,
  ...trainingMessages,
  ...firstHourMessages,
  ...frontlineMessages,
  ...improvementMessages,
  ...safetySignsMessages,
  ...calendarMessages,
} as const;

export type Messages = Widen<typeof zhCN>;
