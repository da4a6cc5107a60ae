import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const [key, leaf] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, leaf);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

describe('UI translations', () => {
  const zh = flatten(zhCN);
  const en = flatten(enUS);

  it('have exactly the same keys in zh-CN and en-US', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [locale, map] of [['zh-CN', zh], ['en-US', en]] as const) {
      for (const [key, value] of map) {
        expect(typeof value, `${locale} ${key}`).toBe('string');
        expect((value as string).trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same interpolation placeholders in both locales', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect(placeholders(en.get(key)), key).toEqual(placeholders(value));
  });
});
