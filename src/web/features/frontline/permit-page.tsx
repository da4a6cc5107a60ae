import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, List, Modal, Space, Table, Tag, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { preworkChecks } from '../../../reference/work-permit-rules.js';
import type { WorkPermitDetail } from '../../../schemas/work-permits.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { currentLocale } from '../../app/i18n/i18n';
import { PageHeader } from '../../app/ui/page-header';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { SignOffList } from '../sign-offs/sign-off-list';
import { permitPaths, permitStatusColours, usePermit } from './frontline-api';
import { permitIssuerRoles } from './permits-page';

/** /frontline/permits/:permitId — one permit for the safety manager: what blocks the start, each worker's 一备三查, the signatures, prints. */
export function PermitPage() {
  const { t, i18n } = useTranslation();
  const { permitId = '' } = useParams();
  const me = useCurrentUser();
  const client = useQueryClient();
  const timeZone = useEnterpriseTimeZone();
  const { data: p, error } = usePermit(permitId);
  const [isCancelling, setIsCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => api<WorkPermitDetail>(`${permitPaths.permits}/${permitId}/cancel`, { body: { reason } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [permitPaths.permits] });
      void message.success(t('frontlineUi.permits.cancelled'));
      setIsCancelling(false);
    },
    onError: (e) => void message.error((e as Error).message),
  });
  if (error) return <Alert type="error" showIcon message={(error as Error).message} />;
  if (!p) return <Card loading />;
  const when = (iso: string | null) => formatDateTime(iso, timeZone, i18n.language);
  const locale = currentLocale();
  const isOpen = p.status === 'issued' || p.status === 'in_progress';
  return (
    <div data-testid="permit-page">
      <PageHeader
        title={`${p.workTypeLabel} · ${p.content}`}
        extra={
          <Space wrap>
            <Tag color={permitStatusColours[p.effectiveStatus]} data-testid="permit-status" data-status={p.effectiveStatus}>
              {t(`frontlineUi.permits.statuses.${p.effectiveStatus}`)}
            </Tag>
            <Link to={`/print/permits/${p.id}`}>
              <Button>{t('frontlineUi.permits.printPermit')}</Button>
            </Link>
            <Link to={`/print/permits/${p.id}/prework`}>
              <Button type="primary">{t('frontlineUi.permits.printPrework')}</Button>
            </Link>
            <Button href={`${permitPaths.permits}/${p.id}/prework.xlsx`}>{t('frontlineUi.permits.exportPrework')}</Button>
            {isOpen && hasRole(me, permitIssuerRoles) && (
              <Button danger onClick={() => setIsCancelling(true)}>
                {t('frontlineUi.permits.cancel')}
              </Button>
            )}
          </Space>
        }
      />
      {p.status === 'issued' &&
        (p.startBlockers.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('frontlineUi.permits.blockers')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="permit-blockers">
                {p.startBlockers.map((b, i) => (
                  <li key={i}>{b.message}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('frontlineUi.permits.canStart')} />
        ))}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('frontlineUi.permits.place')}>{p.place}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.window')}>
            {when(p.windowStart)} – {when(p.windowEnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.workers')}>{p.workers.map((w) => w.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.guardian')}>{p.guardian.name}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.approver')}>{p.approver.name}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.accidentTypes')}>{p.accidentTypes.map((a) => `（${a.seq}）${a.label}`).join('；') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.scenes')} span={2}>
            {p.scenes || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('frontlineUi.permits.riskList')} span={2}>
            {p.risks.length ? p.risks.map((r, i) => <div key={i}>{r}</div>) : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('frontlineUi.permits.measures')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={p.measures}
          renderItem={(m) => (
            <List.Item extra={<Tag color={m.isConfirmed ? 'green' : 'orange'}>{m.isConfirmed ? t('frontlineUi.permits.confirmed') : t('frontlineUi.permits.unconfirmed')}</Tag>}>
              {m.index + 1}. {m.text} · {m.responsible.name}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('frontlineUi.permits.prework')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey={(r) => r.person.id}
          pagination={false}
          dataSource={p.prework}
          columns={[
            { key: 'name', title: t('frontlineUi.permits.workers'), render: (_v, r) => r.person.name },
            ...preworkChecks.map((c) => ({ key: c.code, title: `${c.seq}${c.label[locale]}`, render: (_v: unknown, r: WorkPermitDetail['prework'][number]) => (r.checks.includes(c.code) ? '✓' : '—') })),
            {
              key: 'signed',
              title: t('frontlineUi.permits.prework'),
              render: (_v, r) => (r.isSigned ? <Tag color="green">{`${t('frontlineUi.permits.preworkDone')} ${when(r.signedAt)}`}</Tag> : <Tag>{t('frontlineUi.permits.preworkPending')}</Tag>),
            },
            {
              key: 'cert',
              title: t('frontlineUi.permits.certificates'),
              render: (_v, r) =>
                r.requiredCertificates.length === 0
                  ? '—'
                  : `${r.requiredCertificates.map((c) => c.label).join('、')}：${r.certificates === null ? t('frontlineUi.permits.certNotRecorded') : r.certificates.length ? r.certificates.map((c) => c.number).join('、') : t('frontlineUi.permits.certMissing')}`,
            },
          ]}
        />
      </Card>
      {p.needsGasTest && (
        <Card size="small" title={t('frontlineUi.permits.gas')} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            locale={{ emptyText: t('frontlineUi.permits.noGas') }}
            dataSource={p.gasReadings}
            columns={[
              { key: 'at', title: t('frontlineUi.permits.gasColumns.at'), render: (_v, g) => when(g.measuredAt) },
              { key: 'point', title: t('frontlineUi.permits.gasColumns.point'), dataIndex: 'point' },
              { key: 'substance', title: t('frontlineUi.permits.gasColumns.substance'), dataIndex: 'substance' },
              { key: 'value', title: t('frontlineUi.permits.gasColumns.value'), render: (_v, g) => `${g.value} ${g.unit}` },
              { key: 'pass', title: t('frontlineUi.permits.gasColumns.pass'), render: (_v, g) => (g.isPass ? t('frontlineUi.permits.pass') : t('frontlineUi.permits.fail')) },
              { key: 'tester', title: t('frontlineUi.permits.gasColumns.tester'), render: (_v, g) => g.tester.name },
            ]}
          />
        </Card>
      )}
      <SignOffList subjectType="work-permit" subjectId={p.id} />
      {isCancelling && (
        <Modal open title={t('frontlineUi.permits.cancel')} onCancel={() => setIsCancelling(false)} onOk={() => cancel.mutate()} okButtonProps={{ danger: true, disabled: !reason.trim() }} confirmLoading={cancel.isPending}>
          <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('frontlineUi.permits.cancelReason')} maxLength={500} />
        </Modal>
      )}
    </div>
  );
}
