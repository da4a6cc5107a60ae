import { Button, Select, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonTrainingSummaryDto } from '../../../schemas/training.js';
import { withQuery } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { statusColours, trainingPaths, useTrainingRecords } from './training-api';

/** 培训档案: who is short of training this year, by person, post and department (issue 12 §3). */
export function TrainingRecordsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const [status, setStatus] = useState<string | undefined>();
  const records = useTrainingRecords(year, status);
  const counts = records.data?.counts;
  type Row = PersonTrainingSummaryDto & { id: string };
  const columns: ColumnType<Row>[] = [
    { key: 'status', title: t('trainingUi.status'), width: 80, render: (_v, p) => <Tag color={statusColours[p.status]} data-status={p.status}>{t(`trainingUi.personStatuses.${p.status}`)}</Tag> },
    { key: 'name', title: t('trainingUi.person'), render: (_v, p) => <Link to={`/training/people/${p.personId}?year=${year}`}>{p.personName}</Link> },
    { key: 'unit', title: t('trainingUi.orgUnit'), render: (_v, p) => p.orgUnitName ?? '—' },
    { key: 'posts', title: t('trainingUi.posts'), render: (_v, p) => p.postNames.join('、') || '—' },
    { key: 'hours', title: t('trainingUi.hoursOfYear'), width: 110, render: (_v, p) => `${p.hoursThisYear} / ${p.requiredHoursThisYear}` },
    { key: 'reasons', title: t('trainingUi.reasons'), render: (_v, p) => p.reasons.join('；') || '—' },
  ];
  return (
    <div data-testid="training-records">
      <PageHeader
        title={t('trainingUi.recordsTitle')}
        hint={t('trainingUi.recordsHint')}
        extra={
          <Space wrap>
            <Select value={year} onChange={setYear} style={{ width: 100 }} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} />
            <Select allowClear placeholder={t('trainingUi.status')} value={status} onChange={setStatus} style={{ width: 130 }} options={(['red', 'amber', 'green'] as const).map((s) => ({ value: s, label: `${t(`trainingUi.personStatuses.${s}`)} ${counts ? counts[s] : ''}` }))} />
            <Button href={withQuery(trainingPaths.register, { year })} data-testid="register-export">
              {t('trainingUi.exportRegister')}
            </Button>
          </Space>
        }
      />
      <ResponsiveTable<Row> dataSource={(records.data?.items ?? []).map((p) => ({ ...p, id: p.personId }))} columns={columns} loading={records.isLoading} locale={{ emptyText: t('common.empty') }} />
    </div>
  );
}
