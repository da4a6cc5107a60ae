import { Button, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type TaskDto, taskStatuses } from '../../../schemas/inspections.js';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { usePagedList } from '../../app/ui/use-paged-list';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';

const statusColours = { open: 'processing', done: 'success', missed: 'error' } as const;

/** Done after the window closed: the record is evidence, so lateness shows on every list (issue 5). */
function isLate(task: TaskDto): boolean {
  return task.status === 'done' && task.completedAt !== null && new Date(task.completedAt) > new Date(task.windowEnd);
}

/** 排查任务: every task of the enterprise (a worker sees only their own), by post, person and status. */
export function InspectionTasksPage() {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const posts = usePosts();
  const people = usePeople();
  const [status, setStatus] = useState<string | undefined>();
  const [postId, setPostId] = useState<string | undefined>();
  const [personId, setPersonId] = useState<string | undefined>();
  // Newest window first, 50 at a time ("load more"); every filter is the server's.
  const tasks = usePagedList<TaskDto>('/api/v1/inspection-tasks', { status, postId, personId }, 50);
  const rows = tasks.items;
  const now = Date.now();

  const columns: ColumnType<TaskDto>[] = [
    {
      key: 'post',
      title: t('inspectionUi.task.post'),
      render: (_v, task) => (
        <Space size={4} wrap>
          <Link to={`/posts/${task.postId}/inspection-list`}>{task.postName}</Link>
          <Tag>{t(`riskUi.period.${task.period}`)}{task.shiftCode ? ` ${task.shiftCode}` : ''}</Tag>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('inspectionUi.task.status'),
      render: (_v, task) => (
        <Space size={2} wrap>
          <Tag color={statusColours[task.status]} data-status={task.status}>
            {t(`inspectionUi.task.statuses.${task.status}`)}
          </Tag>
          {isLate(task) && <Tag color="warning">{t('inspectionUi.task.late')}</Tag>}
          {task.status === 'open' && new Date(task.windowEnd).getTime() - now < 2 * 3600_000 && <Tag color="orange">{t('inspectionUi.task.dueSoon')}</Tag>}
        </Space>
      ),
    },
    { key: 'person', title: t('inspectionUi.task.person'), render: (_v, task) => people.nameOf(task.responsiblePersonId) },
    {
      key: 'window',
      title: t('inspectionUi.task.window'),
      render: (_v, task) => `${formatDateTime(task.windowStart, tz, i18n.language)} – ${formatDateTime(task.windowEnd, tz, i18n.language)}`,
    },
    { key: 'items', title: t('inspectionUi.task.items'), dataIndex: 'itemCount', align: 'right' },
    { key: 'completedAt', title: t('inspectionUi.task.completedAt'), dataIndex: 'completedAt', render: (_v, task) => formatDateTime(task.completedAt, tz, i18n.language) },
  ];

  return (
    <div data-testid="inspection-tasks">
      <PageHeader title={t('inspectionUi.task.title')} hint={t('inspectionUi.task.hint')} />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('inspectionUi.task.status')} style={{ width: 120 }} value={status} onChange={setStatus} options={taskStatuses.map((s) => ({ value: s, label: t(`inspectionUi.task.statuses.${s}`) }))} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('inspectionUi.task.post')} style={{ width: 160 }} value={postId} onChange={setPostId} options={posts.options} />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('inspectionUi.task.person')} style={{ width: 140 }} value={personId} onChange={setPersonId} options={people.options} />
      </div>
      <ResponsiveTable<TaskDto> dataSource={rows} columns={columns} loading={tasks.isLoading} locale={{ emptyText: t('common.empty') }} />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {tasks.hasNextPage && (
          <Button onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage} data-testid="tasks-load-more">
            {t('common.loadMore')}
          </Button>
        )}
        {rows.length > 0 && <Typography.Paragraph type="secondary">{t('common.loadedCount', { count: rows.length })}</Typography.Paragraph>}
      </div>
    </div>
  );
}
