import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import { useCanManage } from '../../app/auth/use-me';
import { EvaluationHistory } from './evaluation-history';
import { splitPath } from './field-paths';
import { MeasureModal } from './measure-modal';
import { MeasuresSection } from './measures-section';
import { ReEvaluateModal } from './re-evaluate-modal';
import { RejectModal } from './reject-modal';
import { useRiskDetail } from './risk-api';
import { RiskDetailAlerts } from './risk-detail-alerts';
import { RiskFormDrawer } from './risk-form-drawer';
import { RiskSummary } from './risk-summary';
import { SpecialPlanForm } from './special-plan-form';

/** Everything about one risk: identification, evaluations, measures with inspection items, special plan, history. */
export function RiskDetailPanel({ riskId, post }: { riskId: string; post: PostDto }) {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const detail = useRiskDetail(riskId);
  const [modal, setModal] = useState<null | 'evaluate' | 'measure' | 'reject' | 'edit' | 'plan' | 'history'>(null);
  const close = () => setModal(null);
  const screens = Grid.useBreakpoint();

  if (detail.isLoading || !detail.data) return <Skeleton active />;
  const risk = detail.data;

  return (
    <div data-testid={`risk-detail-${risk.id}`} style={{ padding: '4px 8px' }}>
      <RiskDetailAlerts
        risk={risk}
        canManage={canManage}
        isPlanOpen={modal === 'plan'}
        onReject={() => setModal('reject')}
        onEdit={() => setModal('edit')}
        onCreatePlan={() => setModal('plan')}
      />
      {/* A drawer of its own, not a box inside the expanded table row: at 1366 px the row's scroll
          width cut the form off on the right (issue 8 §9). */}
      <Drawer open={modal === 'plan'} onClose={close} title={t('riskUi.plan.title')} size={screens.md ? 720 : '100%'} destroyOnHidden data-testid="special-plan-drawer">
        {modal === 'plan' && <SpecialPlanForm risk={risk} onDone={close} />}
      </Drawer>
      <RiskSummary risk={risk} onOpenPlan={() => setModal('plan')} />
      {canManage && risk.status !== 'rejected' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setModal('edit')}>
            {t('riskUi.action.edit')}
          </Button>
          <Button size="small" onClick={() => setModal('evaluate')} data-testid="reevaluate">
            {t('riskUi.eval.reEvaluate')}
          </Button>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('measure')}>
            {t('riskUi.measure.add')}
          </Button>
          {(risk.level === 'major' || risk.level === 'significant') && !risk.specialControlPlan && (
            <Button size="small" danger onClick={() => setModal('plan')}>
              {t('riskUi.plan.create')}
            </Button>
          )}
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setModal(modal === 'history' ? null : 'history')}>
            {t('riskUi.eval.history')} ({risk.history.length})
          </Button>
        </Space>
      )}
      {(modal === 'history' || !canManage) && risk.history.length > 0 && <EvaluationHistory history={risk.history} />}
      <MeasuresSection risk={risk} postKind={post.kind} canManage={canManage} />
      <ReEvaluateModal risk={risk} isOpen={modal === 'evaluate'} onClose={close} />
      <MeasureModal risk={risk} postKind={post.kind} isOpen={modal === 'measure'} onClose={close} />
      <RejectModal riskId={risk.id} isOpen={modal === 'reject'} onClose={close} />
      <RiskFormDrawer post={post} isOpen={modal === 'edit'} editing={risk} onClose={close} />
    </div>
  );
}

export { splitPath };
