import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionDto } from '../../../schemas/management.js';
import { api } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { SignOffList, signOffsPath } from '../sign-offs/sign-off-list';
import { usePolicy, usePolicyStep } from './management-api';

const statusColors: Record<string, string> = { draft: 'orange', approved: 'green', superseded: 'default', obsolete: 'default' };

/** 职业安全健康方针 (seed 000 三(一)): drafted with the four commitments, approved by the principal, acknowledged by every employee. */
export function PolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const policy = usePolicy();
  const step = usePolicyStep();
  const [text, setText] = useState('');
  const p = policy.data;
  useEffect(() => {
    if (p) setText(p.draft?.text ?? p.current?.text ?? p.proposedText);
  }, [p?.draft?.id, p?.current?.id, Boolean(p)]); // eslint-disable-line react-hooks/exhaustive-deps
  if (policy.error) return <Alert type="error" showIcon message={(policy.error as Error).message} />;
  if (!p) return null;
  const isManager = me.role === 'principal' || me.role === 'safety_manager' || me.role === 'consultant';
  const run = (args: Parameters<typeof step.mutate>[0], done: string) =>
    step.mutate(args, { onSuccess: () => void message.success(done), onError: (e) => void message.error((e as Error).message) });
  const acknowledge = async () => {
    if (!p.current || !me.personId) return;
    try {
      await api(signOffsPath, { method: 'POST', body: { subjectType: 'ohs-policy', subjectId: p.current.id, role: 'reader', personId: me.personId, method: 'session' } });
      await client.invalidateQueries({ queryKey: [signOffsPath] });
      void message.success(t('managementUi.policy.acknowledged'));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const missing = p.draft?.missingCommitments ?? [];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="ohs-policy">
      <Typography.Title level={3}>{t('managementUi.policy.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('managementUi.policy.hint')}</Typography.Paragraph>
      <Card title={t('managementUi.policy.current')}>
        {p.current ? (
          <>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="policy-current">{p.current.text}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('managementUi.policy.approvedBy', { version: p.current.versionNo, name: p.current.approvedByName ?? '—', at: p.current.approvedAt?.slice(0, 10) ?? '' })}
            </Typography.Text>
            {me.personId && (
              <div style={{ marginTop: 12 }}>
                <Button onClick={acknowledge} data-testid="policy-acknowledge">{t('managementUi.policy.acknowledge')}</Button>
              </div>
            )}
          </>
        ) : (
          <Alert type="info" showIcon message={t('managementUi.policy.none')} />
        )}
      </Card>
      {isManager && (
        <Card title={p.draft ? t('managementUi.policy.draftTitle', { version: p.draft.versionNo }) : t('managementUi.policy.newDraft')}>
          <Input.TextArea rows={10} value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} data-testid="policy-text" />
          {missing.length > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={t('managementUi.policy.missing', { list: missing.map((c) => t(`managementUi.commitments.${c}`)).join('、') })} />}
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={() => setText(p.proposedText)}>{t('managementUi.policy.useProposed')}</Button>
            <Button type="primary" loading={step.isPending} onClick={() => run({ method: 'PUT', step: 'draft', body: { text } }, t('managementUi.policy.saved'))} data-testid="policy-save">
              {t('managementUi.policy.save')}
            </Button>
            {me.role === 'principal' && p.draft && (
              <Button type="primary" loading={step.isPending} onClick={() => run({ method: 'POST', step: 'approve' }, t('managementUi.policy.approved'))} data-testid="policy-approve">
                {t('managementUi.policy.approve')}
              </Button>
            )}
          </Space>
        </Card>
      )}
      {p.current && <SignOffList subjectType="ohs-policy" subjectId={p.current.id} title={t('managementUi.policy.acknowledgements')} />}
      <Table<PolicyVersionDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.versions}
        columns={[
          { key: 'no', title: t('managementUi.policy.version'), dataIndex: 'versionNo' },
          { key: 'status', title: t('managementUi.policy.status'), render: (_v, v) => <Tag color={statusColors[v.status]}>{t(`emergencyUi.versionStatuses.${v.status}`)}</Tag> },
          { key: 'approved', title: t('managementUi.policy.approvedAt'), render: (_v, v) => (v.approvedAt ? `${v.approvedAt.slice(0, 10)} ${v.approvedByName ?? ''}` : '—') },
        ]}
      />
    </Space>
  );
}
