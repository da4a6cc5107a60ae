import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

describe('phone dictionaries', () => {
  it('have the same keys, no empty text, and the same {{placeholders}} in both languages', () => {
    const zh = leaves(zhCN);
    const en = leaves(enUS);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) {
      expect(text.trim(), key).not.toBe('');
      expect((en.get(key) ?? '').trim(), key).not.toBe('');
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(en.get(key) ?? ''), key).toEqual(vars(text));
    }
  });

  it('show no Chinese in en-US except the switch back to Chinese', () => {
    const chinese = [...leaves(enUS)].filter(([key, text]) => !key.startsWith('app.langToggle') && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text));
    expect(chinese).toEqual([]);
  });

  it('tell a worker with no hazards how to report one, naming the Report tab as it is labelled', () => {
    expect(zhCN.hazards.empty).toContain(`「${zhCN.nav.report}」`);
    expect(enUS.hazards.empty).toContain(enUS.nav.report);
  });
});
