/* Pre-filling a document template (src/reference/document-templates.ts) from the enterprise's own
 * records: every `{fact}` placeholder becomes the fact (lists joined with 、), or a visible
 * "（请填写：…）" when the records hold none, so nothing is silently left blank. Pure. */
import { type DocumentTemplate, type TemplateFact, templateFactLabels, templateFacts } from '../../reference/document-templates.js';
import type { DocumentContent } from './document-rules.js';

export type TemplateFactValues = Record<TemplateFact, string | readonly string[]>;

const placeholder = /\{([A-Za-z]+)\}/g;

function factText(values: Partial<TemplateFactValues>, fact: TemplateFact): string | null {
  const v = values[fact];
  if (v === undefined) return null;
  const list = (typeof v === 'string' ? [v] : [...v]).map((s) => s.trim()).filter(Boolean);
  return list.length ? [...new Set(list)].join('、') : null;
}

export const missingFactText = (fact: TemplateFact) => `（请填写：${templateFactLabels[fact]['zh-CN']}）`;

export function fillText(text: string, values: Partial<TemplateFactValues>): { text: string; used: TemplateFact[]; missing: TemplateFact[] } {
  const used = new Set<TemplateFact>();
  const missing = new Set<TemplateFact>();
  const out = text.replace(placeholder, (whole, name: string) => {
    if (!(templateFacts as readonly string[]).includes(name)) return whole;
    const fact = name as TemplateFact;
    const value = factText(values, fact);
    if (value === null) {
      missing.add(fact);
      return missingFactText(fact);
    }
    used.add(fact);
    return value;
  });
  return { text: out, used: [...used], missing: [...missing] };
}

/** The template's six headings filled; `used`/`missing` name the facts found and not found in the records. */
export function fillTemplate(template: DocumentTemplate, values: Partial<TemplateFactValues>): { content: DocumentContent; used: TemplateFact[]; missing: TemplateFact[] } {
  const used = new Set<TemplateFact>();
  const missing = new Set<TemplateFact>();
  const content = {} as DocumentContent;
  for (const [heading, body] of Object.entries(template.body) as [keyof DocumentContent, string][]) {
    const r = fillText(body, values);
    content[heading] = r.text;
    r.used.forEach((f) => used.add(f));
    r.missing.forEach((f) => missing.add(f));
  }
  return { content, used: templateFacts.filter((f) => used.has(f)), missing: templateFacts.filter((f) => missing.has(f)) };
}
