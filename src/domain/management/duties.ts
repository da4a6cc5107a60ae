/* Commitment and duties (issue 14 §2, seed 000 二(一)1). Pure rules:
 * - the written duty list of a post is ONE itemised list: the post's written duties (org, one item a
 *   line) followed by the duty items the risk register's management-post measures name (seed 001
 *   第九条) that the text does not already hold — nothing is copied or stored twice;
 * - its revision changes whenever an item changes, so holders acknowledge the list they read;
 * - the top manager's commitment is drafted with the four duties of the seed;
 * - a responsibility letter (安全生产责任书) of a year asks for next year's from December on. */
import { topManagerDuties } from '../../reference/management/commitment.js';
import type { Locale } from '../../reference/localized-text.js';

export interface DutyItem {
  text: string;
  /** `post`: a line of the post's written duties; `risk`: a duty item named by the risk register's measures. */
  source: 'post' | 'risk';
}

const numbering = /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9一二三四五六七八九十]+\s*[.、．)）]|[-•·*])\s*/;

/** The written duties as items: one per line, numbering and bullets removed, blanks dropped. */
export function itemiseDuties(text: string): string[] {
  return text
    .split(/\r?\n|；|;/)
    .map((l) => l.replace(numbering, '').trim())
    .filter((l) => l.length > 0);
}

const norm = (s: string) => s.replace(/[\s。.，,；;]/g, '');

/**
 * The post's one duty list: its written duties, then the risk register's duty items not already
 * written. A duty item is already written when a written line holds it (measures name a clause of the
 * written duties, often only its first half: "建立健全并落实全员安全生产责任制" of "…，加强安全生产标准化建设"),
 * so the list never shows the same duty twice.
 */
export function dutyList(writtenDuties: string, riskDutyItems: readonly string[]): DutyItem[] {
  const items: DutyItem[] = itemiseDuties(writtenDuties).map((text) => ({ text, source: 'post' }));
  const written = items.map((i) => norm(i.text));
  const seen = new Set(written);
  for (const d of riskDutyItems) {
    const text = d.trim();
    const key = norm(text);
    if (!key || seen.has(key) || written.some((w) => w.includes(key))) continue;
    seen.add(key);
    items.push({ text, source: 'risk' });
  }
  return items;
}

/** A short fingerprint of the list (FNV-1a over the items): a changed list asks every holder again. */
export function dutyListRevision(items: readonly DutyItem[]): string {
  let h = 0x811c9dc5;
  for (const ch of items.map((i) => i.text).join('\n')) {
    h ^= ch.codePointAt(0) as number;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${items.length}-${h.toString(16)}`;
}

/** The commitment drafted with the four duties of seed 000 二(一)1. */
export function draftCommitment(input: { enterpriseName: string; year: number }, locale: Locale): string {
  const lines = topManagerDuties.map((d, i) => `（${i + 1}）${d[locale]}；`);
  return locale === 'zh-CN'
    ? [`${input.enterpriseName}主要负责人安全生产承诺（${input.year} 年）`, '本人作为本企业安全生产第一责任人，把保护员工的安全与健康纳入企业管理决策，承诺为建立职业安全健康管理体系及有关活动提供支持，并履行以下职责：', ...lines, '并接受全体员工监督。'].join('\n')
    : [`Commitment of the principal of ${input.enterpriseName} (${input.year})`, 'As the person first responsible for safety, I put the safety and health of our employees into every management decision, support building the OHS management system, and will:', ...lines, 'and I accept every employee’s oversight.'].join('\n');
}

export interface LetterScope {
  year: number;
  scopeKey: string;
}

/** Scopes holding a letter of `year` but none of `year + 1`: next year's letter is due from 1 December. */
export function nextYearLettersDue(letters: readonly LetterScope[], today: string): { scopeKey: string; year: number }[] {
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < '12-01') return [];
  const next = new Set(letters.filter((l) => l.year === year + 1).map((l) => l.scopeKey));
  const scopes = [...new Set(letters.filter((l) => l.year === year).map((l) => l.scopeKey))];
  return scopes.filter((s) => !next.has(s)).map((scopeKey) => ({ scopeKey, year: year + 1 }));
}
