import { Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskDetailDto } from '../../../schemas/risks.js';
import { LevelTag } from '../../app/ui/level-tag';
import { Art7Basis } from './art7-basis';

/** Every evaluation of a risk: stage, level change, method, who, when and why. */
export function EvaluationHistory({ history }: { history: RiskDetailDto['history'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="evaluation-history"
      items={history.map((h) => ({
        color: h.colour === 'yellow' ? 'gold' : h.colour,
        content: (
          <div>
            <Space size={4} wrap>
              <Typography.Text strong>{t(`riskUi.eval.stages.${h.stage}`)}</Typography.Text>
              {h.levelBefore && (
                <>
                  <LevelTag level={h.levelBefore} />→
                </>
              )}
              <LevelTag level={h.level} />
              <Typography.Text type="secondary">
                {h.method} {h.score ?? ''} · {h.evaluatedByName ?? ''} · {new Date(h.evaluatedAt).toLocaleString()}
              </Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary">{h.note}</Typography.Text>
            </div>
            <Art7Basis evaluation={h} />
          </div>
        ),
      }))}
    />
  );
}
