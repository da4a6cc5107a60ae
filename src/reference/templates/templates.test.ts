import { describe, expect, it } from 'vitest';
import { isAccidentTypeCode } from '../accident-types';
import { findHazardFactor } from '../hazard-factors';
import {
  findIndustryTemplate,
  findPostTemplate,
  industryTemplates,
  riskSetTemplates,
  templateRef,
  templateVersion,
} from './index';
import {
  lecConsequenceValues,
  lecExposureValues,
  lecLikelihoodValues,
  lecScore,
  lsScaleValues,
} from './template-builders';
import type { Industry, PostTemplate, TemplateRisk } from './template-types';

const industries: Industry[] = [
  'metallurgy',
  'nonferrous',
  'building_materials',
  'machinery',
  'light_industry',
  'textile',
  'tobacco',
  'commerce',
];
const methods = ['look', 'test', 'ask', 'records'];
const periods = ['shift', 'day', 'week', 'month', 'quarter', 'year'];
const measureTypes = ['eliminate', 'substitute', 'engineering', 'administrative', 'ppe', 'emergency'];
const phases = ['before', 'during', 'after'];
const objectKinds = ['activity', 'equipment', 'place', 'material', 'duty', 'rule'];

const allRisks = (): { where: string; risk: TemplateRisk; post?: PostTemplate }[] => [
  ...industryTemplates.flatMap((t) =>
    t.posts.flatMap((post) => post.risks.map((risk) => ({ where: `${t.industry}/${post.key}/${risk.key}`, risk, post }))),
  ),
  ...riskSetTemplates.flatMap((s) => s.risks.map((risk) => ({ where: `risk-set ${s.key}/${risk.key}`, risk }))),
];

/** Every string field anywhere in the value, with its path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

describe('post templates', () => {
  it('covers all eight industries exactly once', () => {
    expect(industryTemplates.map((t) => t.industry).sort()).toEqual([...industries].sort());
    for (const i of industries) expect(findIndustryTemplate(i)?.industry).toBe(i);
  });

  it('machinery has at least 12 posts of both kinds; other industries at least 4 with a management post', () => {
    for (const t of industryTemplates) {
      const kinds = new Set(t.posts.map((p) => p.kind));
      expect(t.posts.length, t.industry).toBeGreaterThanOrEqual(t.industry === 'machinery' ? 12 : 4);
      expect(kinds.has('operation'), t.industry).toBe(true);
      expect(kinds.has('management'), t.industry).toBe(true);
      expect(t.basis.length, t.industry).toBeGreaterThan(0);
    }
  });

  it('has the posts a machine shop needs', () => {
    const keys = findIndustryTemplate('machinery')!.posts.map((p) => p.key);
    for (const k of [
      'lathe-operator', 'grinder-operator', 'press-operator', 'welder', 'crane-operator', 'forklift-driver',
      'electrician', 'spray-painter', 'warehouse-keeper', 'maintenance-fitter', 'safety-manager', 'workshop-head',
    ])
      expect(keys).toContain(k);
  });

  it('uses unique keys (industries, posts per industry, risks per industry, risk sets)', () => {
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    for (const t of industryTemplates) {
      expect(dup(t.posts.map((p) => p.key)), t.industry).toEqual([]);
      expect(dup(t.posts.flatMap((p) => p.risks.map((r) => r.key))), t.industry).toEqual([]);
    }
    expect(dup(riskSetTemplates.map((s) => s.key))).toEqual([]);
    expect(dup(riskSetTemplates.flatMap((s) => s.risks.map((r) => r.key)))).toEqual([]);
    for (const t of industryTemplates) for (const p of t.posts) expect(p.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has no empty field or empty list', () => {
    for (const [path, s] of strings({ industryTemplates, riskSetTemplates }, 'root')) expect(s.trim(), path).not.toBe('');
    for (const t of industryTemplates)
      for (const p of t.posts) {
        expect(p.risks.length, `${t.industry}/${p.key}`).toBeGreaterThanOrEqual(2);
        expect(p.defaultHeadcount, p.key).toBeGreaterThan(0);
        if (p.kind === 'management') expect(p.duties, p.key).toBeTruthy();
      }
    for (const { where, risk } of allRisks()) {
      expect(risk.measures.length, where).toBeGreaterThanOrEqual(1);
      expect(risk.hazardFactorCodes.length, where).toBeGreaterThan(0);
      expect(risk.accidentTypeCodes.length, where).toBeGreaterThan(0);
      expect(objectKinds, where).toContain(risk.objectKind);
    }
  });

  it('gives machinery operation posts 3-6 risks with 3-6 measures each', () => {
    for (const p of findIndustryTemplate('machinery')!.posts.filter((x) => x.kind === 'operation')) {
      expect(p.risks.length, p.key).toBeGreaterThanOrEqual(3);
      expect(p.risks.length, p.key).toBeLessThanOrEqual(6);
      for (const r of p.risks) {
        expect(r.measures.length, r.key).toBeGreaterThanOrEqual(3);
        expect(r.measures.length, r.key).toBeLessThanOrEqual(6);
      }
    }
  });

  it('puts a phase on operation measures and a duty item on management measures', () => {
    for (const { where, risk, post } of allRisks())
      for (const m of risk.measures) {
        expect(measureTypes, where).toContain(m.type);
        if (!post || post.kind === 'operation') {
          expect(phases, where).toContain(m.phase);
          expect(m.dutyItem, where).toBeUndefined();
        } else {
          expect(m.dutyItem?.trim(), where).toBeTruthy();
          expect(m.phase, where).toBeUndefined();
        }
      }
  });

  it('gives every measure an inspection item with a valid method and period', () => {
    for (const { where, risk } of allRisks())
      for (const m of risk.measures) {
        expect(m.inspection.content.trim(), where).not.toBe('');
        expect(methods, where).toContain(m.inspection.method);
        expect(periods, where).toContain(m.inspection.period);
      }
  });

  it('scores risks with values from the LEC / LS tables', () => {
    for (const { where, risk } of allRisks()) {
      const e = risk.evaluation;
      if (e.method === 'LEC') {
        expect(lecLikelihoodValues as readonly number[], where).toContain(e.L);
        expect(lecExposureValues as readonly number[], where).toContain(e.E);
        expect(lecConsequenceValues as readonly number[], where).toContain(e.C);
      } else {
        expect(lsScaleValues as readonly number[], where).toContain(e.L);
        expect(lsScaleValues as readonly number[], where).toContain(e.S);
      }
    }
  });

  it('keeps LEC scores realistic: mostly general/low, none above 320 except deliberate cases', () => {
    const lecScores = allRisks()
      .filter((x) => x.risk.evaluation.method === 'LEC')
      .map((x) => ({ where: x.where, d: lecScore(x.risk.evaluation) }));
    for (const { where, d } of lecScores) expect(d, where).toBeLessThanOrEqual(320);
    const significant = lecScores.filter((x) => x.d >= 160).length;
    expect(significant / lecScores.length).toBeLessThan(0.35);
  });

  it('uses only GB 6441 accident-type codes and GB/T 13861 hazard-factor codes', () => {
    for (const { where, risk } of allRisks()) {
      for (const c of risk.accidentTypeCodes) {
        expect(c, where).toMatch(/^(0[1-9]|1\d|20)$/);
        expect(isAccidentTypeCode(c), `${where} ${c}`).toBe(true);
      }
      for (const c of risk.hazardFactorCodes) expect(findHazardFactor(c), `${where} ${c}`).not.toBeNull();
    }
  });

  it('builds template references', () => {
    expect(templateVersion).toBe('2026.1');
    expect(templateRef('machinery', 'lathe-operator')).toBe('machinery/lathe-operator@2026.1');
    expect(findPostTemplate('machinery', 'lathe-operator')?.name).toBe('车床/铣床工');
    expect(findPostTemplate('machinery', 'nope')).toBeUndefined();
  });

  it('offers the five non-routine risk sets', () => {
    expect(riskSetTemplates.map((s) => s.key).sort()).toEqual(
      ['confined-space', 'equipment-maintenance', 'hot-work', 'temporary-electricity', 'work-at-height'].sort(),
    );
    for (const s of riskSetTemplates) for (const r of s.risks) expect(r.isNonRoutine, r.key).toBe(true);
  });
});
