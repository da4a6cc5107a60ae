/**
 * 应知应会 — the know-your-post quiz (seed 003 三(二): "确保岗位员工知晓本岗位的风险、管控措施…遇到
 * 不可控问题采取哪些措施"; issue 11 §6). Five multiple-choice questions drawn from the post itself:
 *
 * - accident type: "「<object>」最可能导致哪种事故？" — one of the risk's types (seed 003's numbering)
 *   against three types the post does not have;
 * - measure: "关于「<object>」，以下哪一项是正确的做法？" — one of the risk's control measures against
 *   three wrong practices;
 * - emergency: "发生事故或险情时，本岗位正确的应急处置是？" — one of the post's emergency actions
 *   against three wrong reactions;
 * - general questions fill the quiz when the post has too little recorded.
 *
 * The kinds are interleaved (measure, accident type, emergency, …) so a quiz covers all three parts.
 * The wrong practices, wrong reactions and general questions are OUR wording (not from a seed), and
 * so is the pass mark (4 of 5). Deterministic: the same facts and seed give the same quiz, so the
 * server can regenerate it to score the answers. Pure.
 */
import { henanAccidentTypes, normalizeAccidentTypeCode } from '../../reference/accident-types.js';
import type { Locale } from '../../i18n/locale.js';

export interface QuizRiskFact {
  objectName: string;
  /** GB 6441 codes as stored on the risk. */
  accidentTypeCodes: readonly string[];
  measures: readonly string[];
}

export interface QuizFacts {
  risks: readonly QuizRiskFact[];
  /** The post's emergency actions, one per line, already split. */
  emergencyActions: readonly string[];
}

export type QuizQuestionKind = 'accident_type' | 'measure' | 'emergency' | 'general';

export interface QuizQuestion {
  id: string;
  kind: QuizQuestionKind;
  prompt: string;
  options: string[];
  answerIndex: number;
}

export const quizLength = 5;
/** Our pass mark, not from a seed. */
export const quizPassMark = 4;

/** Our wording: practices that are wrong on any post (distractors for the measure questions). */
const wrongPractices: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '为赶进度，可以先拆除防护装置再作业',
    '设备运转中可以直接用手清理或调整',
    '安全装置报警时，可以短接后继续作业',
    '熟练工可以不戴规定的劳动防护用品',
    '发现隐患先继续干完手头工作，下班再说',
    '设备检修时不必停电挂牌，注意一点就行',
    '他人操作时可以离开监护岗位去忙别的',
    '作业场所的杂物等交接班时再清理',
  ],
  'en-US': [
    'To save time, remove the guard before working',
    'Clear or adjust the machine by hand while it runs',
    'When a safety device alarms, bridge it and carry on',
    'Experienced workers may skip the required protective equipment',
    'Finish the job first when you see a hazard, report it after the shift',
    'No need to lock out and tag during maintenance, just be careful',
    "Leave the guardian's post while others work, if you are busy",
    'Tidy the workplace only at the shift change',
  ],
};

/** Our wording: wrong reactions to an accident (distractors for the emergency questions). */
const wrongReactions: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '先把手头的活干完，再报告',
    '立即离开现场，不告诉任何人',
    '不停机、不报警，自己先想办法处理',
    '等领导到场后再决定是否停机',
    '为保护现场，不救助受伤人员',
  ],
  'en-US': [
    'Finish the task at hand, then report',
    'Leave at once without telling anyone',
    'Do not stop or raise the alarm; sort it out alone first',
    'Wait for the manager to arrive before stopping the machine',
    'Do not help the injured, to keep the scene untouched',
  ],
};

/** Our wording: questions any front-line worker should answer (fill-ins). */
const generalQuestions: Record<Locale, readonly { prompt: string; options: readonly string[] }[]> = {
  'zh-CN': [
    { prompt: '发现事故隐患时，应当怎么做？', options: ['立即报告班组长，或用手机"随手拍"上报', '等下次检查时再说', '自己悄悄处理，不用告诉别人', '与自己无关，不用理会'] },
    { prompt: '危险作业开始前的"一备三查"是指？', options: ['做好工作准备，检查知识技能、工具装备和周边环境', '准备工具，检查工资、考勤和休假', '准备材料，检查产量、质量和成本', '准备报告，检查记录、台账和签字'] },
    { prompt: '遇到不可控的险情时，首先应当？', options: ['停止作业，撤离到安全地点并报告', '继续作业，尽量完成任务', '拍照发朋友圈', '等待别人先处理'] },
    { prompt: '岗位安全风险告知卡的作用是？', options: ['告知本岗位的风险、管控措施和应急处置', '记录本岗位的产量', '考核员工的出勤', '张贴企业的宣传口号'] },
    { prompt: '"手指口述"的要求是？', options: ['心想、眼看、手指、口述，逐项确认', '只要口头说一遍就行', '由班长替大家确认', '熟练后可以省略'] },
  ],
  'en-US': [
    { prompt: 'What do you do when you find a hazard?', options: ['Report it to the team leader at once, or with the phone "see it, report it"', 'Leave it for the next inspection', 'Fix it quietly without telling anyone', 'Ignore it, it is not my business'] },
    { prompt: 'What are the "one prepare, three checks" before hazardous work?', options: ['Prepare the work; check skills, tools and the surroundings', 'Prepare tools; check pay, attendance and leave', 'Prepare materials; check output, quality and cost', 'Prepare a report; check records, ledgers and signatures'] },
    { prompt: 'Faced with a danger you cannot control, you first…', options: ['Stop work, move to a safe place and report', 'Keep working to finish the task', 'Take a photo for social media', 'Wait for someone else to deal with it'] },
    { prompt: 'What is the post risk card for?', options: ["Telling the post's risks, control measures and emergency actions", "Recording the post's output", 'Checking attendance', "Showing the company's slogans"] },
    { prompt: 'What does point-and-call require?', options: ['Think, look, point and say each item aloud to confirm it', 'Just say it once', 'The team leader confirms for everyone', 'It can be skipped once you are skilled'] },
  ],
};

const prompts = {
  accident_type: { 'zh-CN': (o: string) => `「${o}」最可能导致哪种事故？`, 'en-US': (o: string) => `Which accident is "${o}" most likely to cause?` },
  measure: { 'zh-CN': (o: string) => `关于「${o}」，以下哪一项是正确的做法？`, 'en-US': (o: string) => `About "${o}", which of these is the right practice?` },
  emergency: { 'zh-CN': () => '发生事故或险情时，本岗位正确的应急处置是？', 'en-US': () => 'In an accident or emergency, what is the right action at this post?' },
} as const;

/** FNV-1a of the seed, then mulberry32: a small, well-spread, repeatable generator. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

interface Draft {
  kind: QuizQuestionKind;
  prompt: string;
  correct: string;
  wrong: string[];
}

export function generatePostQuiz(facts: QuizFacts, seed: string, locale: Locale = 'zh-CN'): QuizQuestion[] {
  const random = seededRandom(seed);
  const label = (seq: number) => henanAccidentTypes.find((t) => t.seq === seq)?.label[locale] ?? String(seq);
  const seqsOf = (r: QuizRiskFact) =>
    [...new Set(r.accidentTypeCodes.map((c) => henanAccidentTypes.find((t) => t.gbCode !== null && t.gbCode === normalizeAccidentTypeCode(c))?.seq).filter((s): s is number => s !== undefined))];
  const postSeqs = new Set(facts.risks.flatMap(seqsOf));
  const otherSeqs = henanAccidentTypes.map((t) => t.seq).filter((s) => !postSeqs.has(s));

  const byKind: Record<'measure' | 'accident_type' | 'emergency', Draft[]> = { measure: [], accident_type: [], emergency: [] };
  for (const r of facts.risks) {
    const seqs = seqsOf(r);
    if (seqs.length && otherSeqs.length >= 3) {
      byKind.accident_type.push({ kind: 'accident_type', prompt: prompts.accident_type[locale](r.objectName), correct: label(pick(seqs, random)), wrong: shuffled(otherSeqs, random).slice(0, 3).map(label) });
    }
    const measures = [...new Set(r.measures.map((m) => m.trim()).filter(Boolean))];
    if (measures.length) {
      byKind.measure.push({ kind: 'measure', prompt: prompts.measure[locale](r.objectName), correct: pick(measures, random), wrong: shuffled(wrongPractices[locale], random).slice(0, 3) });
    }
  }
  for (const action of [...new Set(facts.emergencyActions.map((a) => a.trim()).filter(Boolean))]) {
    byKind.emergency.push({ kind: 'emergency', prompt: prompts.emergency[locale](), correct: action, wrong: shuffled(wrongReactions[locale], random).slice(0, 3) });
  }
  const queues = (['measure', 'accident_type', 'emergency'] as const).map((k) => shuffled(byKind[k], random));
  const chosen: Draft[] = [];
  // One question of each object at most per kind; interleave the kinds until five are taken.
  for (let round = 0; chosen.length < quizLength && queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const d = q[round];
      if (d && chosen.length < quizLength) chosen.push(d);
    }
  }
  for (const g of shuffled(generalQuestions[locale], random)) {
    if (chosen.length >= quizLength) break;
    chosen.push({ kind: 'general', prompt: g.prompt, correct: g.options[0] as string, wrong: g.options.slice(1) });
  }
  return chosen.map((d, i) => {
    const options = shuffled([d.correct, ...d.wrong], random);
    return { id: `q${i + 1}`, kind: d.kind, prompt: d.prompt, options, answerIndex: options.indexOf(d.correct) };
  });
}

/** A short fingerprint of the questions a person saw (the server refuses answers to a quiz that changed since). */
export function quizFingerprint(questions: readonly QuizQuestion[]): string {
  const text = questions.map((q) => `${q.prompt}|${q.options.join('|')}`).join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function scoreQuiz(questions: readonly QuizQuestion[], answers: readonly (number | null)[]): { score: number; total: number; isPassed: boolean } {
  const score = questions.filter((q, i) => answers[i] === q.answerIndex).length;
  return { score, total: questions.length, isPassed: score >= Math.min(quizPassMark, questions.length) };
}
