import { CheckOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskDetailDto } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { riskPaths } from './risk-api';
import { useRiskMutation } from './use-risk-mutation';

interface Props {
  risk: RiskDetailDto;
  canManage: boolean;
  /** The special-plan form is open below: its warning steps aside. */
  isPlanOpen: boolean;
  onReject(): void;
  onEdit(): void;
  onCreatePlan(): void;
}

/** What needs doing about a risk: a proposal to accept or reject, a rejection, a review flag, a missing special plan. */
export function RiskDetailAlerts({ risk, canManage, isPlanOpen, onReject, onEdit, onCreatePlan }: Props) {
  const { t } = useTranslation();
  const accept = useRiskMutation(() => api(`${riskPaths.risks}/${risk.id}/accept`, { method: 'POST' }));
  const reidentified = useRiskMutation((r: RiskDetailDto) => api(`${riskPaths.risks}/${r.id}`, { method: 'PATCH', body: { causes: r.causes } }));
  return (
    <>
      {risk.status === 'proposed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('riskUi.proposal.pending')}
          action={
            canManage && (
              <Space>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => accept.mutate(undefined)} loading={accept.isPending}>
                  {t('riskUi.proposal.accept')}
                </Button>
                <Button size="small" danger onClick={onReject}>
                  {t('riskUi.proposal.reject')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {risk.status === 'rejected' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${t('riskUi.status.rejected')}：${risk.rejectionReason ?? ''}`} />}
      {risk.isDueForReview && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="review-flag"
          title={t('riskUi.review.flagged')}
          description={risk.reviewReason}
          action={
            canManage && (
              <Space direction="vertical">
                <Popconfirm title={t('riskUi.review.confirm')} onConfirm={() => reidentified.mutate(risk)}>
                  <Button size="small" type="primary">
                    {t('riskUi.review.reidentified')}
                  </Button>
                </Popconfirm>
                <Button size="small" onClick={onEdit}>
                  {t('riskUi.review.editAndReidentify')}
                </Button>
              </Space>
            )
          }
        />
      )}
      {risk.missingSpecialPlan && !isPlanOpen && (
        <Alert
          type="error"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 8 }}
          data-testid="missing-plan"
          title={t('riskUi.plan.missing')}
          action={
            canManage && (
              <Button size="small" danger onClick={onCreatePlan}>
                {t('riskUi.plan.create')}
              </Button>
            )
          }
        />
      )}
    </>
  );
}
