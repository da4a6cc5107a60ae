import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import type { MeasureFullDto, RiskDetailDto } from '../../../schemas/risks.js';
import { api } from '../../app/api/api-client';
import { MeasureModal } from './measure-modal';
import { useReference } from './risk-api';
import { usePeople } from './use-people';
import { useRiskMutation } from './use-risk-mutation';

/** A risk's measures, grouped by phase or duty item, each with its inspection item; managers edit and archive them. */
export function MeasuresSection({ risk, postKind, canManage }: { risk: RiskDetailDto; postKind: PostDto['kind']; canManage: boolean }) {
  const { t } = useTranslation();
  const types = useReference('measure-types');
  const people = usePeople();
  const archiveMeasure = useRiskMutation((id: string) => api(`/api/v1/control-measures/${id}/archive`, { method: 'POST' }));
  const [editing, setEditing] = useState<MeasureFullDto | null>(null);
  const [isEditOpen, setEditOpen] = useState(false);
  const typeLabel = (code: string) => types.data?.items.find((i) => i.code === code)?.label ?? code;

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('riskUi.measure.title')}
      </Typography.Title>
      {risk.measureGroups.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('riskUi.measure.none')} />}
      {risk.measureGroups.map((group) => (
        <div key={`${group.by}-${group.key ?? 'none'}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{group.label}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={group.measures}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'type', title: t('riskUi.measure.type'), width: 96, render: (_v, m) => <Tag>{typeLabel(m.type)}</Tag> },
              { key: 'text', title: t('riskUi.measure.text'), dataIndex: 'text' },
              { key: 'content', title: t('riskUi.measure.inspectionContent'), render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{i.content}</div>) },
              { key: 'method', title: t('riskUi.measure.inspectionMethod'), width: 80, render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{t(`riskUi.inspectionMethod.${i.method}`)}</div>) },
              { key: 'period', title: t('riskUi.measure.period'), width: 80, render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{t(`riskUi.period.${i.period}`)}</div>) },
              {
                key: 'responsible',
                title: t('riskUi.field.responsible'),
                width: 90,
                render: (_v, m) => m.inspectionItems.map((i) => <div key={i.id}>{people.nameOf(i.responsiblePersonId) || people.nameOf(risk.responsiblePersonId) || '—'}</div>),
              },
              ...(canManage
                ? [
                    {
                      key: 'actions',
                      title: '',
                      width: 72,
                      render: (_v: unknown, m: MeasureFullDto) => (
                        <Space size={0}>
                          <Button
                            type="text"
                            size="small"
                            icon={<EditOutlined />}
                            aria-label={t('common.edit')}
                            data-testid={`measure-edit-${m.id}`}
                            onClick={() => {
                              setEditing(m);
                              setEditOpen(true);
                            }}
                          />
                          <Popconfirm title={t('common.confirmArchive', { name: m.text.slice(0, 20) })} onConfirm={() => archiveMeasure.mutate(m.id)}>
                            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.archive')} />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      ))}
      {/* Keyed by the measure: a fresh form per measure, not the previous one's leftovers. */}
      {editing && <MeasureModal key={editing.id} risk={risk} postKind={postKind} editing={editing} isOpen={isEditOpen} onClose={() => setEditOpen(false)} />}
    </>
  );
}
