import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RiskListItemDto } from '../../../schemas/risks.js';

/** Status, review flag, missing special plan, controlled — the facts a manager scans for. */
export function RiskStatusTags({ risk }: { risk: RiskListItemDto }) {
  const { t } = useTranslation();
  return (
    <Space size={2} wrap>
      {risk.status === 'proposed' && <Tag color="processing">{t('riskUi.status.proposed')}</Tag>}
      {risk.status === 'rejected' && (
        <Tooltip title={risk.rejectionReason}>
          <Tag>{t('riskUi.status.rejected')}</Tag>
        </Tooltip>
      )}
      {risk.isDueForReview && (
        <Tooltip title={risk.reviewReason}>
          <Tag color="warning">{t('riskUi.status.dueForReview')}</Tag>
        </Tooltip>
      )}
      {risk.missingSpecialPlan && <Tag color="error">{t('riskUi.status.missingPlan')}</Tag>}
      {risk.status === 'accepted' && (risk.isControlled ? <Tag color="success">{t('riskUi.status.controlled')}</Tag> : !risk.missingSpecialPlan && <Tag color="default">{t('riskUi.status.uncontrolled')}</Tag>)}
    </Space>
  );
}
