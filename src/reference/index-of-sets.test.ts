import { describe, expect, it } from 'vitest';
import { locales } from './localized-text';
import { isReferenceSetName, referenceSetNames, referenceSets } from './index-of-sets';

function hasLocalizedObject(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasLocalizedObject);
  if (typeof value === 'object' && value !== null) {
    if ('zh-CN' in value || 'en-US' in value) return true;
    return Object.values(value).some(hasLocalizedObject);
  }
  return false;
}

describe('referenceSets', () => {
  it('registers exactly the thirteen sets the API exposes', () => {
    expect(Object.keys(referenceSets).sort()).toEqual([...referenceSetNames].sort());
    expect(referenceSetNames).toHaveLength(13);
  });

  for (const name of referenceSetNames) {
    describe(name, () => {
      it.each(locales)('returns data with a source for %s, with every label localised', (locale) => {
        const set = referenceSets[name](locale) as { source?: { standard?: unknown; title?: unknown } };
        expect(set).toBeTypeOf('object');
        expect(set.source?.standard).toBeTypeOf('string');
        expect(set.source?.title).toBeTypeOf('string');
        expect(hasLocalizedObject(set)).toBe(false);
      });

      it('differs between zh-CN and en-US', () => {
        const zh = JSON.stringify(referenceSets[name]('zh-CN'));
        const en = JSON.stringify(referenceSets[name]('en-US'));
        expect(zh).not.toBe(en);
        expect(zh).toMatch(/[\u4e00-\u9fff]/);
      });
    });
  }

  it('serves accident types in the requested language', () => {
    const zh = referenceSets['accident-types']('zh-CN') as { items: { code: string; label: string }[] };
    const en = referenceSets['accident-types']('en-US') as { items: { code: string; label: string }[] };
    expect(zh.items[0]).toMatchObject({ code: '01', label: '物体打击' });
    expect(en.items[0]).toMatchObject({ code: '01', label: 'Struck by object' });
  });

  it('recognises set names', () => {
    expect(isReferenceSetName('lec-tables')).toBe(true);
    expect(isReferenceSetName('lec_tables')).toBe(false);
  });
});
