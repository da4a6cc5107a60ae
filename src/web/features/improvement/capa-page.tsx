import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { capaSourceKinds, capaStatuses, type CapaStatus } from '../../../domain/improvement/capa-lifecycle.js';
import type { AccidentDto } from '../../../schemas/accidents.js';
import { type CapaDetailDto, type CapaDto, manualCapaSourceKinds } from '../../../schemas/capa.js';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { useAllItems, usePagedList } from '../../app/ui/use-paged-list';
import { usePeople } from '../risks/use-people';
import { CapaDrawer } from './capa-drawer';
import { improvementPaths, useCanWriteCapa, useStep } from './improvement-api';

export const capaStatusColour: Record<CapaStatus, string> = { raised: 'orange', planned: 'gold', implementing: 'blue', verifying: 'purple', ineffective: 'red', effective: 'green' };

/** 不符合与纠正预防措施 (seed 000 五(一)): every source in one list; a row opens the record's steps. */
export function CapaPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const canWrite = useCanWriteCapa();
  const [status, setStatus] = useState<string | undefined>();
  const [sourceKind, setSourceKind] = useState<string | undefined>();
  const [isCreating, setCreating] = useState(false);
  const list = usePagedList<CapaDto>(improvementPaths.capas, { status, sourceKind });
  const columns: ColumnType<CapaDto>[] = [
    {
      key: 'description',
      title: t('improvementUi.capa.description'),
      render: (_v, c) => (
        <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => navigate(`/improvement/capas/${c.id}`)} data-testid="capa-open">
          {c.description}
        </Button>
      ),
    },
    { key: 'source', title: t('improvementUi.capa.source'), render: (_v, c) => `${t(`improvementUi.source.${c.sourceKind}`)} · ${c.sourceLabel}` },
    { key: 'owner', title: t('improvementUi.capa.owner'), render: (_v, c) => c.ownerName ?? '—' },
    {
      key: 'status',
      title: t('improvementUi.capa.status'),
      render: (_v, c) => (
        <Space size={4} wrap>
          <Tag color={capaStatusColour[c.status]}>{t(`improvementUi.status.${c.status}`)}</Tag>
          {c.overdueActions > 0 && <Tag color="red">{t('improvementUi.capa.overdue', { count: c.overdueActions })}</Tag>}
          {c.escalates && <Tag color="volcano">{t('improvementUi.capa.escalated')}</Tag>}
        </Space>
      ),
    },
    { key: 'createdAt', title: t('improvementUi.capa.createdAt'), render: (_v, c) => c.createdAt.slice(0, 10) },
  ];
  return (
    <div data-testid="capa-page">
      <PageHeader
        title={t('improvementUi.capa.title')}
        hint={t('improvementUi.capa.hint')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="capa-create">
              {t('improvementUi.capa.create')}
            </Button>
          )
        }
      />
      <div className="page-toolbar">
        <Select allowClear placeholder={t('improvementUi.capa.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={capaStatuses.map((s) => ({ value: s, label: t(`improvementUi.status.${s}`) }))} />
        <Select allowClear placeholder={t('improvementUi.capa.source')} style={{ width: 160 }} value={sourceKind} onChange={setSourceKind} options={capaSourceKinds.map((s) => ({ value: s, label: t(`improvementUi.source.${s}`) }))} />
      </div>
      <ResponsiveTable<CapaDto> dataSource={list.items} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <div style={{ textAlign: 'center', margin: '12px 0' }}>
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </div>
      <CreateModal isOpen={isCreating} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/improvement/capas/${c.id}`)} />
      <CapaDrawer id={id ?? null} onClose={() => navigate('/improvement/capas')} />
    </div>
  );
}

function CreateModal({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose(): void; onCreated(c: CapaDetailDto): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const people = usePeople();
  const kind = Form.useWatch('sourceKind', form);
  const accidents = useAllItems<AccidentDto>('/api/v1/accidents', isOpen && kind === 'accident');
  const save = useStep<CapaDetailDto>(improvementPaths.capas, (c) => {
    onClose();
    onCreated(c);
  });
  return (
    <Modal open={isOpen} title={t('improvementUi.capa.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ sourceKind: 'other' }}
        onFinish={(v: Record<string, unknown>) => save.mutate({ path: improvementPaths.capas, body: { sourceKind: v.sourceKind, sourceId: v.sourceId ?? null, description: v.description ?? '', ownerPersonId: v.ownerPersonId ?? null } })}
      >
        <Form.Item name="sourceKind" label={t('improvementUi.capa.source')} required>
          <Select options={manualCapaSourceKinds.map((s) => ({ value: s, label: t(`improvementUi.source.${s}`) }))} />
        </Form.Item>
        {kind === 'accident' && (
          <Form.Item name="sourceId" label={t('improvementUi.capa.sourceRecord')} required>
            <Select options={(accidents.data ?? []).map((a) => ({ value: a.id, label: `${a.occurredOn} ${a.description.slice(0, 30)}` }))} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('improvementUi.capa.description')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="capa-description" />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t('improvementUi.capa.owner')}>
          <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('improvementUi.capa.hint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
