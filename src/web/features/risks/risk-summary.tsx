import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskDetailDto } from '../../../schemas/risks.js';
import { Art7Basis } from './art7-basis';
import { LevelTag } from '../../app/ui/level-tag';
import { useReference } from './risk-api';
import { useHazardFactorTree } from './use-hazard-factor-tree';
import { usePeople } from './use-people';

/** The facts of a risk: identification, tier, responsible person, inherent and residual level, special plan, JHA steps. */
export function RiskSummary({ risk, onOpenPlan }: { risk: RiskDetailDto; onOpenPlan(): void }) {
  const { t } = useTranslation();
  const accidentTypes = useReference('accident-types');
  const hazards = useHazardFactorTree();
  const tiers = useReference('control-tiers');
  const people = usePeople();
  const accidentLabel = (code: string) => accidentTypes.data?.items.find((a) => a.code === code)?.label ?? code;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('riskUi.field.hazardFactors')} span={2}>
        {risk.hazardFactorCodes.map((c) => (
          <Tag key={c}>
            {c} {hazards.labelOf(c)}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('riskUi.field.accidentTypes')}>
        {risk.accidentTypeCodes.map((c) => (
          <Tag key={c} color="volcano">
            {accidentLabel(c)}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('riskUi.field.causes')} span={3}>
        {risk.causes}
      </Descriptions.Item>
      <Descriptions.Item label={t('riskUi.field.identificationMethod')}>{t(`riskUi.identificationMethod.${risk.identificationMethod}`)}</Descriptions.Item>
      <Descriptions.Item label={t('riskUi.field.controlTier')}>{tiers.data?.labels[risk.controlTier] ?? risk.controlTier}</Descriptions.Item>
      <Descriptions.Item label={t('riskUi.field.responsible')}>{people.nameOf(risk.responsiblePersonId) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('riskUi.eval.stages.inherent')}>
        {risk.inherentEvaluation ? (
          <Space size={4} wrap>
            <LevelTag level={risk.inherentEvaluation.level} />
            <Typography.Text type="secondary">
              {risk.inherentEvaluation.method} {risk.inherentEvaluation.score ?? ''} · {risk.inherentEvaluation.profile}
            </Typography.Text>
            <Art7Basis evaluation={risk.inherentEvaluation} />
          </Space>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('riskUi.eval.stages.residual')}>
        {risk.residualEvaluation ? (
          <Space size={4} wrap>
            <LevelTag level={risk.residualEvaluation.level} />
            <Typography.Text type="secondary">
              {risk.residualEvaluation.method} {risk.residualEvaluation.score ?? ''}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('riskUi.plan.title')}>
        {risk.specialControlPlan ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpenPlan}>
            {t('riskUi.plan.present')}
          </Button>
        ) : risk.missingSpecialPlan ? (
          <Typography.Text type="danger">{t('riskUi.plan.none')}</Typography.Text>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      {risk.jhaSteps && risk.jhaSteps.length > 0 && (
        <Descriptions.Item label={t('riskUi.field.jhaSteps')} span={3}>
          <ol style={{ margin: 0, paddingLeft: 18 }}>
            {risk.jhaSteps.map((s, i) => (
              <li key={i}>
                {s.step}
                {s.hazards && <Typography.Text type="secondary"> — {s.hazards}</Typography.Text>}
              </li>
            ))}
          </ol>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
