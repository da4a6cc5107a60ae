import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../app/ui/page-header';
import { certificateColours, statusColours, usePersonRecord } from './training-api';

/** 一人一档: one person's requirements, sessions and certificates; prints on A4. */
export function PersonTrainingPage() {
  const { t } = useTranslation();
  const { personId } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear();
  const record = usePersonRecord(personId, year);
  if (record.error) return <Alert type="error" showIcon message={(record.error as Error).message} />;
  const r = record.data;
  if (!r) return null;
  const stateColour = { met: 'success', open: 'warning', overdue: 'error' } as const;
  return (
    <div data-testid="person-training" className="a4-printable">
      <PageHeader
        title={`${r.person.personName} · ${t('trainingUi.personRecord')} ${year}`}
        extra={
          <Button className="no-print" onClick={() => window.print()}>
            {t('trainingUi.print')}
          </Button>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('trainingUi.orgUnit')}>{r.person.orgUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainingUi.posts')}>{r.person.postNames.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainingUi.hoursOfYear')}>{`${r.person.hoursThisYear} / ${r.person.requiredHoursThisYear}`}</Descriptions.Item>
          <Descriptions.Item label={t('trainingUi.status')}>
            <Tag color={statusColours[r.person.status]}>{t(`trainingUi.personStatuses.${r.person.status}`)}</Tag>
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('trainingUi.requirements')}>
          <Table
            size="small"
            rowKey={(x) => x.requirement.id}
            pagination={false}
            dataSource={r.progress}
            columns={[
              { key: 'title', title: t('trainingUi.requirement'), render: (_v, x) => x.requirement.title },
              { key: 'basis', title: t('trainingUi.basis'), render: (_v, x) => `${x.requirement.basis.document} ${x.requirement.basis.article}` },
              { key: 'due', title: t('trainingUi.dueBy'), render: (_v, x) => x.requirement.dueBy ?? '—' },
              { key: 'hours', title: t('trainingUi.hours'), render: (_v, x) => (x.requirement.hours === null ? '—' : `${x.creditedHours} / ${x.requirement.hours}`) },
              { key: 'state', title: t('trainingUi.status'), render: (_v, x) => <Tag color={stateColour[x.state]}>{t(`trainingUi.states.${x.state}`)}</Tag> },
            ]}
          />
        </Card>
        <Card size="small" title={t('trainingUi.sessionsAttended')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.sessions}
            columns={[
              { key: 'd', title: t('trainingUi.heldOn'), dataIndex: 'heldOn' },
              { key: 't', title: t('trainingUi.sessionTitle'), dataIndex: 'title' },
              { key: 'k', title: t('trainingUi.kind'), render: (_v, s) => t(`trainingUi.kinds.${s.kind}`) },
              { key: 'h', title: t('trainingUi.hours'), dataIndex: 'hours' },
              { key: 's', title: t('trainingUi.score'), render: (_v, s) => s.score ?? '—' },
            ]}
          />
        </Card>
        <Card size="small" title={t('trainingUi.certificates')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.certificates}
            columns={[
              { key: 'n', title: t('trainingUi.certificateNumber'), dataIndex: 'number' },
              { key: 'k', title: t('trainingUi.certificateKind'), render: (_v, c) => c.operationLabel ?? t(`trainingUi.certificateKinds.${c.kind}`) },
              { key: 'e', title: t('trainingUi.expiresOn'), render: (_v, c) => c.expiresOn ?? '—' },
              { key: 'r', title: t('trainingUi.reviewDueOn'), render: (_v, c) => c.reviewDueOn ?? '—' },
              { key: 's', title: t('trainingUi.status'), render: (_v, c) => <Tag color={certificateColours[c.state]}>{t(`trainingUi.certificateStates.${c.state}`)}</Tag> },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
