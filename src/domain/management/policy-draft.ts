/* The OHS policy (职业安全健康方针) drafted in plain words (seed 000 三(一)): it must carry the four
 * commitments — comply with current OHS laws, regulations and other requirements, continual
 * improvement, accident prevention, protect employees' safety and health — fit the enterprise's size
 * and main risks, be easy to understand, be documented and approved by the top manager. The seed's
 * list of further policy requirements was lost in extraction; nothing of it is assumed here. */
import type { Locale } from '../../i18n/locale.js';

export const policyCommitments = ['comply', 'improve', 'prevent', 'protect'] as const;
export type PolicyCommitment = (typeof policyCommitments)[number];

export interface PolicyFacts {
  enterpriseName: string;
  /** The enterprise's main risks in a few words (e.g. its major and high risks), may be empty. */
  mainRisks: string[];
}

const lines: Record<PolicyCommitment, Record<Locale, string>> = {
  comply: { 'zh-CN': '遵守国家和地方安全生产、职业健康法律法规及其他要求。', 'en-US': 'We comply with national and local work-safety and occupational-health laws, regulations and other requirements.' },
  improve: { 'zh-CN': '持续改进安全健康管理，每年评审方针和目标。', 'en-US': 'We keep improving our safety and health management and review this policy and our objectives every year.' },
  prevent: { 'zh-CN': '辨识危害、控制风险、排查治理隐患，预防事故发生。', 'en-US': 'We identify hazards, control risks and fix the problems we find, to prevent accidents.' },
  protect: { 'zh-CN': '保护每一位员工的安全与健康，让员工参与安全管理。', 'en-US': 'We protect the safety and health of every employee and involve them in safety management.' },
};

/** The draft text: title line, the four commitments numbered, the main risks named when known. */
export function draftPolicy(facts: PolicyFacts, locale: Locale = 'zh-CN'): string {
  const zh = locale === 'zh-CN';
  const head = zh ? `${facts.enterpriseName}职业安全健康方针` : `${facts.enterpriseName} — occupational safety and health policy`;
  const risks = facts.mainRisks.filter((r) => r.trim()).slice(0, 5);
  const focus = risks.length ? [zh ? `我们重点控制的风险：${risks.join('、')}。` : `The risks we control first: ${risks.join(', ')}.`] : [];
  const body = policyCommitments.map((c, i) => `${i + 1}. ${lines[c][locale]}`);
  return [head, '', ...body, ...(focus.length ? ['', ...focus] : [])].join('\n');
}

/** Which of the four commitments a text no longer states (by their key words), for the editor's warning. */
export function missingCommitments(text: string): PolicyCommitment[] {
  const words: Record<PolicyCommitment, RegExp> = {
    comply: /法律法规|遵守|compl[yi]|law/i,
    improve: /持续改进|continual|keep improving|improv/i,
    prevent: /预防|prevent/i,
    protect: /保护|protect/i,
  };
  return policyCommitments.filter((c) => !words[c].test(text));
}
