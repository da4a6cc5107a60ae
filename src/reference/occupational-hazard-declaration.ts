/* 职业病危害项目申报 — when the next declaration falls due.
 *
 * NOT FROM THE SEED, UNCONFIRMED: /work/shared/reference (standards-facts.md) has no rule for the
 * renewal of the declaration. The product's default is a yearly update (年度更新申报) twelve months
 * after the latest declaration of any kind (initial, change or yearly); 《职业病危害项目申报办法》
 * (原国家安监总局令第48号, 2012) — whose text we have not retrieved — is where the rule should be
 * checked, together with the local health authority's practice. A change of the workplace, process or
 * exposures asks for a change declaration sooner; recording one moves the next due date on. */
import type { RuleBasis } from './training-rules.js';

export const declarationRenewalBasis: RuleBasis = { document: '职业病危害项目申报办法（原国家安监总局令第48号）', article: '—', status: 'unconfirmed' };

/** Months from the latest declaration to the next yearly update (a product default, see above). */
export const declarationRenewalMonths = 12;
