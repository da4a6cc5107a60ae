import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AuditDetailDto, AuditDto } from '../../../schemas/internal-audit.js';
import { api } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { ResponsiveTable } from '../../app/ui/responsive-table';
import { AuditDrawer } from './audit-drawer';
import { improvementPaths, useIsManager, useStep } from './improvement-api';
import { DateField } from '../../app/ui/date-field';

/** 内部审核 (seed 000 四(二)): the yearly programme; a row opens its checklist, findings and report. */
export function AuditsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const isManager = useIsManager();
  const [isCreating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [improvementPaths.audits, 'list'], queryFn: () => api<{ items: AuditDto[] }>(improvementPaths.audits) });
  const columns: ColumnType<AuditDto>[] = [
    {
      key: 'title',
      title: t('improvementUi.audit.titleField'),
      render: (_v, a) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/improvement/audits/${a.id}`)} data-testid="audit-open">
          {a.title}
        </Button>
      ),
    },
    { key: 'plannedOn', dataIndex: 'plannedOn', title: t('improvementUi.audit.plannedOn') },
    { key: 'auditors', title: t('improvementUi.audit.auditors'), render: (_v, a) => [...a.auditors.map((x) => x.name), a.externalAuditor].filter(Boolean).join('、') },
    { key: 'tally', title: t('improvementUi.audit.findings'), render: (_v, a) => t('improvementUi.audit.tally', a.tally) },
    { key: 'status', title: t('improvementUi.audit.status'), render: (_v, a) => <Tag color={a.status === 'reported' ? 'green' : 'blue'}>{t(`improvementUi.audit.statuses.${a.status}`)}</Tag> },
    {
      key: 'docx',
      title: '',
      render: (_v, a) => <Button size="small" icon={<FileWordOutlined />} href={`${improvementPaths.audits}/${a.id}/report.docx`} />,
    },
  ];
  return (
    <div data-testid="audits-page">
      <PageHeader
        title={t('improvementUi.audit.title')}
        hint={t('improvementUi.audit.hint')}
        extra={
          isManager && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="audit-create">
              {t('improvementUi.audit.create')}
            </Button>
          )
        }
      />
      <ResponsiveTable<AuditDto> dataSource={list.data?.items ?? []} columns={columns} loading={list.isLoading} locale={{ emptyText: t('common.empty') }} />
      <CreateAudit isOpen={isCreating} onClose={() => setCreating(false)} onCreated={(a) => navigate(`/improvement/audits/${a.id}`)} />
      <AuditDrawer id={id ?? null} onClose={() => navigate('/improvement/audits')} />
    </div>
  );
}

function CreateAudit({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose(): void; onCreated(a: AuditDetailDto): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const assessors = useQuery({ queryKey: ['/api/v1/standardization/assessors'], enabled: isOpen, queryFn: () => api<{ personId: string; name: string; training: string }[]>('/api/v1/standardization/assessors') });
  const save = useStep<AuditDetailDto>(improvementPaths.audits, (a) => {
    onClose();
    onCreated(a);
  });
  const year = new Date().getFullYear();
  return (
    <Modal open={isOpen} title={t('improvementUi.audit.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year, title: `${year} 年度内部审核` }}
        onFinish={(v: { year: number; title: string; scope?: string; plannedOn?: string; auditorPersonIds?: string[]; externalAuditor?: string }) =>
          save.mutate({ path: improvementPaths.audits, body: { year: v.year, title: v.title, scope: v.scope ?? '', plannedOn: v.plannedOn, auditorPersonIds: v.auditorPersonIds ?? [], externalAuditor: v.externalAuditor ?? '' } })
        }
      >
        <Space>
          <Form.Item name="year" label={t('improvementUi.audit.year')} required>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('improvementUi.audit.plannedOn')} required>
            <DateField style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('improvementUi.audit.titleField')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="scope" label={t('improvementUi.audit.scope')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="auditorPersonIds" label={t('improvementUi.audit.auditors')} extra={t('improvementUi.audit.auditorsHint')}>
          <Select mode="multiple" options={(assessors.data ?? []).map((a) => ({ value: a.personId, label: `${a.name}（${a.training}）` }))} />
        </Form.Item>
        <Form.Item name="externalAuditor" label={t('improvementUi.audit.externalAuditor')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
