/**
 * Post templates: typed starting lists ("一岗一清单") for the eight 工贸 industries, plus
 * attachable risk sets for non-routine work. Content is Chinese and shown as-is.
 */
import { buildingMaterialsTemplate } from './building-materials';
import { commerceTemplate } from './commerce';
import { lightIndustryTemplate } from './light-industry';
import { machineryTemplate } from './machinery';
import { metallurgyTemplate } from './metallurgy';
import { nonferrousTemplate } from './nonferrous';
import { riskSetTemplates } from './risk-sets';
import type { Industry, IndustryTemplate, PostTemplate, RiskSetTemplate } from './template-types';
import { textileTemplate } from './textile';
import { tobaccoTemplate } from './tobacco';

export type * from './template-types';
export { lec, lecScore, ls } from './template-builders';
export {
  lecConsequenceValues,
  lecExposureValues,
  lecLikelihoodValues,
  lsScaleValues,
} from './template-builders';
export { riskSetTemplates };

/** Version stamped on everything created from a template (see templateRef). */
export const templateVersion = '2026.1';

export const industryTemplates: readonly IndustryTemplate[] = [
  metallurgyTemplate,
  nonferrousTemplate,
  buildingMaterialsTemplate,
  machineryTemplate,
  lightIndustryTemplate,
  textileTemplate,
  tobaccoTemplate,
  commerceTemplate,
];

export function findIndustryTemplate(industry: Industry): IndustryTemplate | undefined {
  return industryTemplates.find((t) => t.industry === industry);
}

export function findPostTemplate(industry: Industry, postKey: string): PostTemplate | undefined {
  return findIndustryTemplate(industry)?.posts.find((p) => p.key === postKey);
}

export function findRiskSetTemplate(key: string): RiskSetTemplate | undefined {
  return riskSetTemplates.find((s) => s.key === key);
}

/** Stable reference to a template post, e.g. 'machinery/lathe-operator@2026.1'. */
export function templateRef(industry: Industry, postKey: string): string {
  return `${industry}/${postKey}@${templateVersion}`;
}
