import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationHistoryDto } from '../../../schemas/risks.js';

/**
 * The seed 001 第七条 rule(s) that set a level (issue 9 §1: every level shows the rule that fired).
 * Rules below the level are listed too, quieter: they fired but the method was stricter.
 */
export function Art7Basis({ evaluation }: { evaluation: Pick<EvaluationHistoryDto, 'level' | 'firedRules'> }) {
  const { t } = useTranslation();
  const fired = evaluation.firedRules ?? [];
  if (!fired.length) return null;
  const decisive = fired.filter((r) => r.level === evaluation.level);
  const others = fired.filter((r) => r.level !== evaluation.level);
  return (
    <div data-testid="art7-basis">
      {decisive.map((r) => (
        <div key={r.rule}>
          <Typography.Text type="warning">{t('riskUi.art7.decisive', { clause: r.clause, text: r.text })}</Typography.Text>
        </div>
      ))}
      {others.map((r) => (
        <div key={r.rule}>
          <Typography.Text type="secondary">{t('riskUi.art7.alsoFired', { clause: r.clause, text: r.text })}</Typography.Text>
        </div>
      ))}
    </div>
  );
}
