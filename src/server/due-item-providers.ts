import type { DueItemProvider } from './platform/due-items/due-items.js';
import { hazardDueItemProvider } from './modules/hazards/hazard-due-items.service.js';
import { emergencyDueItemProvider } from './modules/emergency/emergency-due-items.service.js';
import { trainingDueItemProvider } from './modules/training/training-due-items.service.js';
import { inspectionDueItemProvider } from './modules/inspections/inspection-due-items.service.js';
import { managementDueItemProvider } from './modules/management/objectives.service.js';
import { reidentificationDueItemProvider } from './modules/risks/reidentification.service.js';
import { ohsSystemDueItemProvider } from './modules/management/ohs-system-due-items.service.js';
import { capaDueItemProvider } from './modules/improvement/capa-due-items.service.js';
import { contractorDueItemProvider } from './modules/contractors/contractor-due-items.service.js';
import { documentDueItemProvider } from './modules/documents/document-due-items.service.js';
import { internalAuditDueItemProvider } from './modules/improvement/internal-audit.service.js';
import { communicationDueItemProvider } from './modules/management/communication.service.js';
import { occupationalHealthDueItemProvider } from './modules/occupational-health/occupational-health-due-items.service.js';
import { managementReviewDueItemProvider } from './modules/improvement/management-review.service.js';
import { monitoringDueItemProvider } from './modules/improvement/monitoring-due-items.service.js';
import { statisticsDueItemProvider } from './modules/oversight/statistics.service.js';
import { campaignDueItemProvider } from './modules/oversight/campaigns.service.js';
import { standardizationDueItemProvider } from './modules/standardization/standardization-due-items.service.js';

/**
 * Every feature's due-item provider (DESIGN "Mechanisms built once: Due items"). A feature with due
 * dates adds its provider here; the due-items route and the notification job read only this list.
 */
export function allDueItemProviders(): DueItemProvider[] {
  return [hazardDueItemProvider, inspectionDueItemProvider, standardizationDueItemProvider, emergencyDueItemProvider, trainingDueItemProvider, managementDueItemProvider, reidentificationDueItemProvider, ohsSystemDueItemProvider, capaDueItemProvider, contractorDueItemProvider, documentDueItemProvider, internalAuditDueItemProvider, occupationalHealthDueItemProvider, managementReviewDueItemProvider, monitoringDueItemProvider, communicationDueItemProvider, statisticsDueItemProvider, campaignDueItemProvider];
}
