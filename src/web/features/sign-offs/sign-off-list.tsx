import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Image, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignOffDto, SignOffSheet } from '../../../schemas/sign-offs.js';
import { api, withQuery } from '../../app/api/api-client';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';

export const signOffsPath = '/api/v1/sign-offs';

export function useSignOffSheet(subjectType: string, subjectId: string | undefined) {
  return useQuery({
    queryKey: [signOffsPath, subjectType, subjectId],
    enabled: Boolean(subjectId),
    queryFn: () => api<SignOffSheet>(withQuery(signOffsPath, { subjectType, subjectId })),
  });
}

/**
 * The office view of any record's sign-offs (issue 11 §1): who is expected and who signed, and
 * every entry — when (server and phone time), how (logged in or drawn, with the signature), on
 * which device. Superseded entries stay visible, greyed: they are evidence too.
 */
export function SignOffList({ subjectType, subjectId, title }: { subjectType: string; subjectId: string; title?: string }) {
  const { t, i18n } = useTranslation();
  const timeZone = useEnterpriseTimeZone();
  const sheet = useSignOffSheet(subjectType, subjectId);
  const when = (iso: string | null) => formatDateTime(iso, timeZone, i18n.language);
  if (sheet.error) return <Alert type="error" showIcon message={(sheet.error as Error).message} />;
  const s = sheet.data;
  const signed = s?.expected.filter((x) => x.signOffId).length ?? 0;
  const roleLabel = (role: string) => s?.expected.find((x) => x.role === role)?.roleLabel ?? role;

  return (
    <Card
      size="small"
      loading={sheet.isLoading}
      title={title ?? t('signOffUi.title')}
      extra={s ? <Tag color={signed === s.expected.length && s.expected.length > 0 ? 'green' : 'orange'}>{t('signOffUi.progress', { signed, total: s.expected.length })}</Tag> : null}
      data-testid="sign-off-list"
    >
      {s && !s.isOpen && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={s.closedReason ?? t('signOffUi.closed')} />}
      {s && s.expected.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('signOffUi.expected')}:</Typography.Text>
          {s.expected.map((x) => (
            <Tag key={`${x.role}|${x.personId}`} color={x.signOffId ? 'green' : 'default'}>
              {x.personName} · {x.roleLabel} · {x.signOffId ? `${t('signOffUi.signed')} ${when(x.signedAt)}` : t('signOffUi.waiting')}
            </Tag>
          ))}
        </Space>
      )}
      <Table<SignOffDto>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={s?.items ?? []}
        locale={{ emptyText: t('signOffUi.empty') }}
        rowClassName={(r) => (r.isCurrent ? '' : 'sign-off-superseded')}
        onRow={(r) => ({ style: r.isCurrent ? undefined : { opacity: 0.55 } })}
        columns={[
          {
            title: t('signOffUi.col.person'),
            key: 'person',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.personName}</span>
                {r.method === 'drawn' && r.userDisplayName && <Typography.Text type="secondary">{t('signOffUi.onPhoneOf', { name: r.userDisplayName })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('signOffUi.col.role'), key: 'role', render: (_, r) => roleLabel(r.role) },
          {
            title: t('signOffUi.col.action'),
            key: 'action',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={r.action === 'sign' ? 'blue' : 'red'}>{t(`signOffUi.action.${r.action}`)}</Tag>
                {!r.isCurrent && <Typography.Text type="secondary">{t('signOffUi.superseded')}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('signOffUi.col.method'), key: 'method', render: (_, r) => t(`signOffUi.method.${r.method}`) },
          { title: t('signOffUi.col.signedAt'), key: 'signedAt', render: (_, r) => when(r.signedAt) },
          { title: t('signOffUi.col.clientSignedAt'), key: 'clientSignedAt', render: (_, r) => when(r.clientSignedAt) },
          { title: t('signOffUi.col.device'), key: 'device', render: (_, r) => <span title={`${r.userAgent}\n${r.ip}`}>{r.device}</span> },
          {
            title: t('signOffUi.col.signature'),
            key: 'signature',
            render: (_, r) =>
              r.signatureAttachmentId ? <Image height={48} src={`/api/v1/attachments/${r.signatureAttachmentId}`} alt={r.personName} /> : null,
          },
          {
            title: t('signOffUi.col.note'),
            key: 'note',
            render: (_, r) => (
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }} title={`${t('signOffUi.statement')}: ${r.statement}`}>
                {r.note || r.statement}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
