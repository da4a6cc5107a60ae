import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { PostKnowledgeCheckDetail, PostQuizDto } from '../../schemas/post-knowledge.js';
import { newClientId } from '../app/client-id';
import { api, ApiError } from '../app/phone-api';
import { useApi } from '../app/use-api';
import { ErrorNotice, Shell, Skeleton } from '../ui/shell';

/**
 * /m/p/:postId/quiz — 应知应会 (issue 11 §6): the worker confirms they have read the post card and
 * answers five questions drawn from the post's risks, measures and emergency actions; the result
 * shows at once, with the right answers.
 */
export function QuizPage() {
  const { t } = useTranslation();
  const { postId = '' } = useParams();
  const { data: quiz, error, reload } = useApi<PostQuizDto>(`/api/v1/posts/${encodeURIComponent(postId)}/quiz`);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [isAcknowledged, setIsAcknowledged] = useState(false);
  const [result, setResult] = useState<PostKnowledgeCheckDetail | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const title = quiz ? `${quiz.postName} · ${t('quiz.title')}` : t('quiz.title');
  if (!quiz) {
    return (
      <Shell title={title} backTo={`/p/${postId}`}>
        {error ? <ErrorNotice error={error} onRetry={reload} /> : <Skeleton rows={5} />}
      </Shell>
    );
  }
  const again = () => {
    setResult(null);
    setAnswers({});
    setMessage(null);
    reload();
  };
  if (result) {
    return (
      <Shell title={title} backTo={`/p/${postId}`}>
        <section className="card" data-testid="quiz-result" data-passed={result.isPassed}>
          <h2 style={{ fontSize: 22, margin: 0 }}>{t('quiz.score', { score: result.score, total: result.total })}</h2>
          <span className={`badge ${result.isPassed ? 'done' : 'late'}`}>{result.isPassed ? t('quiz.passed') : t('quiz.failed')}</span>
        </section>
        {result.questions.map((q, i) => (
          <section key={q.id} className="card">
            <div style={{ fontWeight: 600, marginBottom: 6 }}>
              {i + 1}. {q.prompt}
            </div>
            <div className={q.chosenIndex === q.answerIndex ? 'notice ok' : 'notice error'}>
              {q.chosenIndex === q.answerIndex ? '✓ ' : '✗ '}
              {t('quiz.rightAnswer', { answer: q.options[q.answerIndex] })}
            </div>
          </section>
        ))}
        <button type="button" className="btn" onClick={again} data-testid="quiz-again">
          {t('quiz.again')}
        </button>
      </Shell>
    );
  }
  const isComplete = quiz.questions.every((q) => answers[q.id] !== undefined);
  const submit = async () => {
    setIsSending(true);
    setMessage(null);
    try {
      const r = await api<PostKnowledgeCheckDetail>('/api/v1/post-knowledge-checks', {
        body: { postId, seed: quiz.seed, fingerprint: quiz.fingerprint, answers: quiz.questions.map((q) => answers[q.id] ?? null), isAcknowledged: true, clientId: newClientId() },
      });
      setResult(r);
      window.scrollTo(0, 0);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : t('errors.network'));
      if (e instanceof ApiError && e.status === 409) again();
    } finally {
      setIsSending(false);
    }
  };
  return (
    <Shell title={title} backTo={`/p/${postId}`}>
      <p className="muted">{t('quiz.intro')}</p>
      {quiz.questions.map((q, i) => (
        <section key={q.id} className="card" data-testid="quiz-question">
          <div style={{ fontWeight: 600, marginBottom: 8 }}>
            {i + 1}. {q.prompt}
          </div>
          {q.options.map((o, j) => (
            <label key={j} className={`check-row${answers[q.id] === j ? ' is-on' : ''}`}>
              <input type="radio" name={q.id} checked={answers[q.id] === j} onChange={() => setAnswers({ ...answers, [q.id]: j })} style={{ flexShrink: 0 }} />
              <span>{o}</span>
            </label>
          ))}
        </section>
      ))}
      <label className={`check-row${isAcknowledged ? ' is-on' : ''}`} data-testid="quiz-acknowledge">
        <input type="checkbox" checked={isAcknowledged} onChange={() => setIsAcknowledged(!isAcknowledged)} />
        <span>{t('quiz.acknowledge')}</span>
      </label>
      {message && <div className="notice error">{message}</div>}
      <button type="button" className="btn primary" disabled={!isComplete || !isAcknowledged || isSending} onClick={() => void submit()} data-testid="quiz-submit">
        {t('quiz.submit')}
      </button>
    </Shell>
  );
}
