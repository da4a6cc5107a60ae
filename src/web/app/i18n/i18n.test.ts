import { describe, expect, it } from 'vitest';
import { enUS, enUSParts } from './en-US';
import { zhCN, zhCNParts } from './zh-CN';

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

  it('are assembled from per-feature modules that pair up and never share a top-level key', () => {
    expect(Object.keys(enUSParts)).toEqual(Object.keys(zhCNParts));
    for (const [locale, parts, whole] of [['zh-CN', zhCNParts, zhCN], ['en-US', enUSParts, enUS]] as const) {
      const sections = Object.values(parts).flatMap((part) => Object.keys(part));
      expect(new Set(sections).size, `${locale}: a top-level key in two modules`).toBe(sections.length);
      expect(sections, locale).toEqual(Object.keys(whole));
    }
    for (const [name, part] of Object.entries(zhCNParts)) {
      expect([...flatten(enUSParts[name as keyof typeof enUSParts]).keys()].sort(), name).toEqual([...flatten(part).keys()].sort());
    }
  });

  it('have no empty or non-string values', () => {
    for (const [locale, map] of [['zh-CN', zh], ['en-US', en]] as const) {
      for (const [key, value] of map) {
        expect(typeof value, `${locale} ${key}`).toBe('string');
        expect((value as string).trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('show no Chinese in en-US (a rule cited in English reads "Order No. 16", not "16号令")', () => {
    const chinese = [...en].filter(([, value]) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(String(value)));
    expect(chinese.map(([key, value]) => `${key}: ${String(value)}`)).toEqual([]);
  });

  it('use the same interpolation placeholders in both locales', () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) expect(placeholders(en.get(key)), key).toEqual(placeholders(value));
  });
});

describe('the task completion rate (issue 8 §9: "任务完成率 100%" while 63 tasks were open)', () => {
  const fill = (text: string, values: Record<string, number>) => text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(values[k]));
  it('says in both languages that it counts ended tasks and how many open ones it leaves out', () => {
    const values = { done: 37, closed: 37, open: 63 };
    expect(zhCN.hazardUi.stats.taskCompletion).toContain('已结束');
    expect(fill(zhCN.hazardUi.stats.taskCompletionBasis, values)).toBe('完成 37 / 已结束 37；进行中的 63 项不计入');
    expect(enUS.hazardUi.stats.taskCompletion).toContain('ended');
    expect(fill(enUS.hazardUi.stats.taskCompletionBasis, values)).toBe('37 done of 37 ended; 63 still open are not counted');
  });
});

