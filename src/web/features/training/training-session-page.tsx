import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, InputNumber, Space, Table, Tag, Typography, message } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import type { TrainingSessionDto } from '../../../schemas/training.js';
import { api } from '../../app/api/api-client';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { SignOffList } from '../sign-offs/sign-off-list';
import { trainingPaths, useSession } from './training-api';

/** One session: content, the QR code attendees scan to sign on their phone, who signed, scores. */
export function TrainingSessionPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams();
  const session = useSession(sessionId);
  const me = useMe();
  const [qr, setQr] = useState<string | null>(null);
  const phoneUrl = sessionId ? `${window.location.origin}/m/training/${sessionId}` : '';
  useEffect(() => {
    if (phoneUrl) void QRCode.toDataURL(phoneUrl, { margin: 1, width: 200 }).then(setQr);
  }, [phoneUrl]);
  if (session.error) return <Alert type="error" showIcon message={(session.error as Error).message} />;
  const s = session.data;
  if (!s) return null;
  const mayWrite = me.data ? hasRole(me.data, managerRoles) : false;
  return (
    <div data-testid="training-session">
      <PageHeader title={s.title} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('trainingUi.heldOn')}>{s.heldOn}</Descriptions.Item>
            <Descriptions.Item label={t('trainingUi.kind')}>{t(`trainingUi.kinds.${s.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('trainingUi.hours')}>{s.hours}</Descriptions.Item>
            <Descriptions.Item label={t('trainingUi.trainer')}>{s.trainer || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('trainingUi.post')}>{s.postName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('trainingUi.status')}>
              <Tag data-testid="session-status">{t(`trainingUi.statuses.${s.status}`)}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {s.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{s.content}</Typography.Paragraph>}
        </Card>
        <Card size="small" title={t('trainingUi.signOnPhone')}>
          <Space align="start" wrap>
            {qr && <img src={qr} alt={phoneUrl} width={160} height={160} data-testid="session-qr" />}
            <Typography.Paragraph type="secondary" style={{ maxWidth: 420 }}>
              {t('trainingUi.signOnPhoneHint')}
              <br />
              <Typography.Text copyable code>
                {phoneUrl}
              </Typography.Text>
            </Typography.Paragraph>
          </Space>
        </Card>
        <SignOffList subjectType="training-session" subjectId={s.id} title={t('trainingUi.attendance')} />
        {mayWrite && <Scores session={s} />}
      </Space>
    </div>
  );
}

function Scores({ session }: { session: TrainingSessionDto }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  const save = useMutation({
    mutationFn: (v: { personId: string; score: number }) => api(`${trainingPaths.sessions}/${session.id}/scores`, { body: v }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [trainingPaths.sessions] });
      void message.success(t('trainingUi.scoreSaved'));
    },
    onError: (e) => void message.error((e as Error).message),
  });
  return (
    <Card size="small" title={t('trainingUi.scores')}>
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={session.attendees}
        columns={[
          { key: 'name', title: t('trainingUi.attendee'), dataIndex: 'personName' },
          { key: 'signed', title: t('trainingUi.signed'), render: (_v, a) => (a.signedAt ? <Tag color="success">✓</Tag> : <Tag>—</Tag>) },
          {
            key: 'score',
            title: t('trainingUi.score'),
            render: (_v, a) => (
              <Space>
                <InputNumber min={0} max={100} value={draft[a.personId] ?? a.score} onChange={(v) => setDraft({ ...draft, [a.personId]: v })} />
                <Button size="small" disabled={draft[a.personId] == null} onClick={() => save.mutate({ personId: a.personId, score: draft[a.personId] as number })}>
                  {t('common.save')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
