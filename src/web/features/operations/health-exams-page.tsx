import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { healthExamKinds, healthExamResults } from '../../../domain/operations/occupational-health.js';
import type { HealthExamDto } from '../../../schemas/occupational-health.js';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { DateStateTag } from './contractors-page';
import { RecordModal } from './record-modal';
import { DateField } from '../../app/ui/date-field';

const path = '/api/v1/health-exams';

/** 职业健康检查: each examination (上岗前/在岗期间/离岗时) with its result; the person's next one is in 待办事项. */
export function HealthExamsPage() {
  const { t } = useTranslation();
  const canManage = useCanManage();
  const people = usePeople();
  const [personId, setPersonId] = useState<string | undefined>();
  const [isAdding, setIsAdding] = useState(false);
  const list = usePagedList<HealthExamDto>(path, { personId });
  const columns: ColumnType<HealthExamDto>[] = [
    { key: 'person', title: t('operationsUi.health.person'), render: (_v, e) => <Typography.Text strong>{e.personName}</Typography.Text> },
    { key: 'kind', title: t('operationsUi.health.kind'), render: (_v, e) => t(`operationsUi.health.kinds.${e.kind}`) },
    { key: 'examOn', title: t('operationsUi.health.examOn'), dataIndex: 'examOn' },
    { key: 'result', title: t('operationsUi.health.result'), render: (_v, e) => <Tag color={e.result === 'normal' ? 'green' : 'orange'}>{t(`operationsUi.health.results.${e.result}`)}</Tag> },
    { key: 'findings', title: t('operationsUi.health.findings'), dataIndex: 'findings' },
    { key: 'next', title: t('operationsUi.health.nextDueOn'), render: (_v, e) => (e.isLatest ? <DateStateTag state={e.dueState} date={e.nextDueOn} /> : <Typography.Text type="secondary">{t('operationsUi.health.superseded')}</Typography.Text>) },
  ];
  return (
    <div data-testid="health-exams">
      <PageHeader
        title={t('operationsUi.health.title')}
        hint={t('operationsUi.health.hint')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)}>
              {t('operationsUi.health.add')}
            </Button>
          )
        }
      />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('operationsUi.health.person')} style={{ width: 200 }} value={personId} onChange={setPersonId} options={people.options} showSearch={{ optionFilterProp: 'label' }} />
      </div>
      <ResponsiveTable<HealthExamDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', margin: '12px 0' }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      {isAdding && (
        <RecordModal
          title={t('operationsUi.health.add')}
          path={path}
          refresh={[path]}
          initialValues={{ kind: 'periodic', result: 'normal' }}
          toBody={(v) => ({ personId: v.personId, kind: v.kind, examOn: v.examOn, institution: v.institution ?? '', result: v.result, findings: v.findings ?? '', nextDueOn: nullIfEmpty(v.nextDueOn) })}
          onClose={() => setIsAdding(false)}
          fields={
            <>
              <Form.Item name="personId" label={t('operationsUi.health.person')} rules={[{ required: true }]}>
                <Select options={people.options} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item name="kind" label={t('operationsUi.health.kind')} rules={[{ required: true }]}>
                <Select options={healthExamKinds.map((k) => ({ value: k, label: t(`operationsUi.health.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="examOn" label={t('operationsUi.health.examOn')} rules={[{ required: true }]}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="institution" label={t('operationsUi.health.institution')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="result" label={t('operationsUi.health.result')} rules={[{ required: true }]}>
                <Select options={healthExamResults.map((r) => ({ value: r, label: t(`operationsUi.health.results.${r}`) }))} />
              </Form.Item>
              <Form.Item name="findings" label={t('operationsUi.health.findings')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="nextDueOn" label={t('operationsUi.health.nextDueOn')} extra={t('operationsUi.health.nextHint')}>
                <DateField style={{ width: 180 }} />
              </Form.Item>
            </>
          }
        />
      )}
    </div>
  );
}
