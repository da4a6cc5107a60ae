import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/api-client';
import { riskPaths } from './risk-api';
import { useRiskMutation } from './use-risk-mutation';

/** Reject a worker's proposed risk, with the reason the proposer will see. */
export function RejectModal({ riskId, isOpen, onClose }: { riskId: string; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const save = useRiskMutation(() => api(`${riskPaths.risks}/${riskId}/reject`, { method: 'POST', body: { reason } }), onClose);
  return (
    <Modal title={t('riskUi.proposal.reject')} open={isOpen} onCancel={onClose} onOk={() => save.mutate(undefined)} okButtonProps={{ disabled: !reason.trim(), danger: true }} confirmLoading={save.isPending} destroyOnHidden>
      <Input.TextArea autoFocus value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('riskUi.proposal.rejectReason')} autoSize={{ minRows: 3 }} />
    </Modal>
  );
}
