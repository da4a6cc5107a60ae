import { describe, expect, it } from 'vitest';
import { generatePostQuiz, type QuizFacts, quizFingerprint, scoreQuiz, seededRandom } from './post-quiz.js';

const lathe: QuizFacts = {
  risks: [
    { objectName: '车床', accidentTypeCodes: ['03'], measures: ['开机前检查防护罩', '穿紧袖工作服，不戴手套'] },
    { objectName: '配电箱', accidentTypeCodes: ['05'], measures: ['配电箱门关闭，电源线无破损'] },
    { objectName: '铁屑', accidentTypeCodes: ['01', '20'], measures: [] },
  ],
  emergencyActions: ['立即按下急停按钮', '报告班长'],
};

describe('应知应会 quiz from a post', () => {
  it('is deterministic: the same facts and seed give the same quiz, another seed another order', () => {
    const a = generatePostQuiz(lathe, 'seed-1');
    expect(generatePostQuiz(lathe, 'seed-1')).toEqual(a);
    const b = generatePostQuiz(lathe, 'seed-2');
    expect(quizFingerprint(b)).not.toBe(quizFingerprint(a));
    expect(seededRandom('x')()).toBe(seededRandom('x')());
  });

  it("asks five questions covering measures, accident types and emergency actions, each answer the post's own", () => {
    const quiz = generatePostQuiz(lathe, 'seed-1');
    expect(quiz).toHaveLength(5);
    expect(new Set(quiz.map((q) => q.kind))).toEqual(new Set(['measure', 'accident_type', 'emergency']));
    for (const q of quiz) {
      expect(q.options).toHaveLength(4);
      expect(new Set(q.options).size).toBe(4);
      const answer = q.options[q.answerIndex] as string;
      if (q.kind === 'measure') expect(['开机前检查防护罩', '穿紧袖工作服，不戴手套', '配电箱门关闭，电源线无破损']).toContain(answer);
      if (q.kind === 'emergency') expect(['立即按下急停按钮', '报告班长']).toContain(answer);
      if (q.kind === 'accident_type') {
        expect(['机械伤害', '触电', '物体打击']).toContain(answer);
        // The wrong options are types this post does not have.
        for (const o of q.options.filter((_o, i) => i !== q.answerIndex)) expect(['机械伤害', '触电', '物体打击']).not.toContain(o);
      }
    }
  });

  it('places the answer at different positions across seeds (the right option is not always first)', () => {
    const positions = new Set(Array.from({ length: 12 }, (_v, i) => generatePostQuiz(lathe, `s${i}`)[0]?.answerIndex));
    expect(positions.size).toBeGreaterThan(1);
  });

  it('fills up with general questions when the post has little recorded, still five', () => {
    const bare = generatePostQuiz({ risks: [], emergencyActions: [] }, 'seed');
    expect(bare).toHaveLength(5);
    expect(bare.every((q) => q.kind === 'general')).toBe(true);
    const one = generatePostQuiz({ risks: [{ objectName: '砂轮机', accidentTypeCodes: [], measures: ['使用前检查砂轮有无裂纹'] }], emergencyActions: [] }, 'seed');
    expect(one.map((q) => q.kind).sort()).toEqual(['general', 'general', 'general', 'general', 'measure']);
  });

  it('speaks English when asked, with the data as recorded', () => {
    const q = generatePostQuiz(lathe, 'seed-1', 'en-US');
    expect(q.find((x) => x.kind === 'emergency')?.prompt).toBe('In an accident or emergency, what is the right action at this post?');
  });

  it('scores the answers: four of five pass, unanswered counts wrong', () => {
    const quiz = generatePostQuiz(lathe, 'seed-1');
    const right = quiz.map((q) => q.answerIndex);
    expect(scoreQuiz(quiz, right)).toEqual({ score: 5, total: 5, isPassed: true });
    const oneWrong = right.map((a, i) => (i === 0 ? (a + 1) % 4 : a));
    expect(scoreQuiz(quiz, oneWrong)).toEqual({ score: 4, total: 5, isPassed: true });
    expect(scoreQuiz(quiz, [...oneWrong.slice(0, 4), null])).toEqual({ score: 3, total: 5, isPassed: false });
  });
});
