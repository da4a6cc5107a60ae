import * as accidentTypes from './accident-types';
import * as controlTiers from './control-tiers';
import * as hazardFactors from './hazard-factors';
import * as hazardousWorkTypes from './hazardous-work-types';
import * as lecTables from './lec-tables';
import { localizeDeep, type Locale } from './localized-text';
import * as lsScales from './ls-scales';
import * as majorHazardCriteria from './major-hazard-criteria';
import * as measureTypes from './measure-types';
import * as riskProfiles from './risk-profiles';
import * as safetySigns from './safety-signs';
import * as specialOperations from './special-operations';
import * as trainingHours from './training-hours';

// The registry behind GET /api/v1/reference/<set>: each set with its source, labels in one locale.
export const referenceSetNames = [
  'accident-types',
  'accident-types-henan',
  'hazard-factors',
  'lec-tables',
  'ls-scales',
  'risk-profiles',
  'control-tiers',
  'measure-types',
  'hazardous-work-types',
  'special-operations',
  'training-hours',
  'major-hazard-criteria',
  'safety-signs',
] as const;

export type ReferenceSetName = (typeof referenceSetNames)[number];

const rawSets: Readonly<Record<ReferenceSetName, () => object>> = {
  'accident-types': () => ({ source: accidentTypes.source, items: accidentTypes.accidentTypes }),
  'accident-types-henan': () => ({ source: accidentTypes.henanSource, items: accidentTypes.henanAccidentTypes }),
  'hazard-factors': () => ({ source: hazardFactors.source, items: hazardFactors.hazardFactors }),
  'lec-tables': () => ({
    source: lecTables.source,
    factors: lecTables.lecFactorLabels,
    L: lecTables.lecLikelihood,
    E: lecTables.lecExposure,
    C: lecTables.lecConsequence,
    dangerDescriptions: lecTables.lecDangerDescriptions,
  }),
  'ls-scales': () => ({
    source: lsScales.source,
    factors: lsScales.lsFactorLabels,
    L: lsScales.lsLikelihood,
    S: lsScales.lsSeverity,
    possibleProducts: lsScales.lsPossibleProducts,
  }),
  'risk-profiles': () => ({
    source: riskProfiles.source,
    levels: riskProfiles.riskLevelLabels,
    colours: riskProfiles.levelColours,
    colourLabels: riskProfiles.riskColourLabels,
    defaults: riskProfiles.defaultRiskProfileIds,
    items: riskProfiles.riskProfileIds.map((id) => riskProfiles.riskProfiles[id]),
  }),
  'control-tiers': () => ({
    source: controlTiers.source,
    order: controlTiers.controlTiers,
    labels: controlTiers.controlTierLabels,
    defaultProfile: controlTiers.defaultControlTierProfile,
  }),
  'measure-types': () => ({ source: measureTypes.source, items: measureTypes.measureTypes, phases: measureTypes.workPhases }),
  'hazardous-work-types': () => ({
    source: hazardousWorkTypes.source,
    appliesToGongmaoByReferenceOnly: hazardousWorkTypes.appliesToGongmaoByReferenceOnly,
    items: hazardousWorkTypes.hazardousWorkTypes,
  }),
  'special-operations': () => ({
    source: specialOperations.source,
    items: specialOperations.specialOperationCategories,
    certificateRules: specialOperations.specialOperationCertificateRules,
  }),
  'training-hours': () => ({
    source: trainingHours.source,
    items: trainingHours.trainingHoursRules,
    principalAssessmentWithinMonths: trainingHours.principalAssessmentWithinMonths,
  }),
  'major-hazard-criteria': () => ({
    source: majorHazardCriteria.source,
    articles: majorHazardCriteria.articleFields,
    items: majorHazardCriteria.majorHazardCriteria,
  }),
  'safety-signs': () => ({ source: safetySigns.source, categories: safetySigns.safetySignCategoryEntries, items: safetySigns.commonSafetySigns }),
};

export const referenceSets: Readonly<Record<ReferenceSetName, (locale: Locale) => unknown>> = Object.fromEntries(
  referenceSetNames.map((name) => [name, (locale: Locale) => localizeDeep(rawSets[name](), locale)]),
) as Record<ReferenceSetName, (locale: Locale) => unknown>;

export function isReferenceSetName(value: unknown): value is ReferenceSetName {
  return typeof value === 'string' && (referenceSetNames as readonly string[]).includes(value);
}
