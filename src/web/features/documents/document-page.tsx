import { FileWordOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { managerRoles } from '../../../schemas/auth.js';
import { documentHeadings } from '../../../domain/documents/document-rules.js';
import type { DocumentContentInput, DocumentVersionDto } from '../../../schemas/documents.js';
import { hasRole, useMe } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { documentPaths, useDocument, useDocumentStep } from './documents-api';
import { DateField } from '../../app/ui/date-field';

const validityColours = { current: 'success', draft: 'processing', obsolete: 'error' } as const;
const fileTypes = '.pdf,.doc,.docx,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One controlled document: the six headings of its draft, approval (= issue), distribution, upload, versions. */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const isManager = me.data ? hasRole(me.data, managerRoles) : false;
  const isApprover = me.data ? hasRole(me.data, ['principal', 'safety_manager']) : false;
  const doc = useDocument(documentId);
  const step = useDocumentStep(documentId);
  const posts = usePosts();
  const people = usePeople();
  const [form] = Form.useForm<DocumentContentInput & { changeNote: string }>();
  const [postIds, setPostIds] = useState<string[]>([]);
  const [withdrawReason, setWithdrawReason] = useState<string | null>(null);
  const d = doc.data;
  const shown = d?.draft ?? d?.current ?? null;
  useEffect(() => {
    if (shown) form.setFieldsValue({ ...shown.content, changeNote: d?.draft?.changeNote ?? '' });
  }, [shown?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (d) setPostIds(d.posts.map((p) => p.id));
  }, [d?.id, d?.posts.length]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!d) return <Skeleton active />;
  const isLive = !d.withdrawnAt;
  const run = (args: Parameters<typeof step.mutateAsync>[0], done: string) => step.mutateAsync(args).then(() => void message.success(done), (e: Error) => void message.error(e.message));
  const saveDraft = () => {
    const { changeNote, ...content } = form.getFieldsValue(true) as DocumentContentInput & { changeNote?: string };
    return run({ method: 'PUT', step: 'draft', body: { content, changeNote: changeNote ?? '' } }, t('documentsUi.detail.saved'));
  };
  const fileLink = (v: DocumentVersionDto) =>
    v.file && (
      <a href={`${documentPaths.documents}/${d.id}/versions/${v.id}/file`}>
        <PaperClipOutlined /> {v.file.name}
      </a>
    );
  const missing = d.draft?.missingHeadings ?? [];

  return (
    <div data-testid="document-page">
      <PageHeader
        title={`${d.number} ${d.title}`}
        extra={
          <Space wrap>
            <Tag>{t(`documentsUi.types.${d.type}`)}</Tag>
            <Button icon={<FileWordOutlined />} href={`${documentPaths.documents}/${d.id}/document.docx`}>
              {t('documentsUi.detail.download')}
            </Button>
            {isApprover && isLive && (
              <Button danger onClick={() => setWithdrawReason('')}>
                {t('documentsUi.detail.withdraw')}
              </Button>
            )}
          </Space>
        }
      />
      {d.withdrawnAt && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t('documentsUi.detail.withdrawn', { at: d.withdrawnAt.slice(0, 10), reason: d.withdrawnReason ?? '' })} />}
      <Card size="small" title={t('documentsUi.detail.current')} style={{ marginBottom: 12 }} data-testid="document-current">
        {d.current ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('documentsUi.detail.status')}>
              <Tag color="success">{`${t('documentsUi.list.version', { no: d.current.versionNo })} · ${t('documentsUi.validity.current')}`}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('documentsUi.list.issuedOn')}>{d.current.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('documentsUi.detail.approvedBy')}>{d.current.approvedByName ?? '—'}</Descriptions.Item>
            {d.current.file && <Descriptions.Item label={t('documentsUi.detail.file')}>{fileLink(d.current)}</Descriptions.Item>}
          </Descriptions>
        ) : (
          <Alert type="info" showIcon message={t('documentsUi.detail.noCurrent')} />
        )}
      </Card>
      {isManager && isLive && (
        <Card size="small" style={{ marginBottom: 12 }} title={d.draft ? t('documentsUi.detail.draftTitle', { no: d.draft.versionNo }) : t('documentsUi.detail.newDraft')}>
          <Form form={form} layout="vertical">
            {documentHeadings.map((h) => (
              <Form.Item key={h} name={h} label={t(`documentsUi.headings.${h}`)}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20_000} data-testid={`document-${h}`} />
              </Form.Item>
            ))}
            <Form.Item name="changeNote" label={t('documentsUi.detail.changeNote')}>
              <Input maxLength={1000} />
            </Form.Item>
          </Form>
          {d.draft?.file && (
            <Typography.Paragraph>
              {t('documentsUi.detail.file')}：{fileLink(d.draft)}
            </Typography.Paragraph>
          )}
          {d.draft && missing.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('documentsUi.detail.missing', { list: missing.map((h) => t(`documentsUi.headings.${h}`)).join('、') })} />}
          <Space wrap>
            <Button type="primary" loading={step.isPending} onClick={() => void saveDraft()} data-testid="document-save">
              {t('documentsUi.detail.save')}
            </Button>
            {isApprover && d.draft && (
              <Button type="primary" loading={step.isPending} onClick={() => void run({ method: 'POST', step: 'approve' }, t('documentsUi.detail.approved'))} data-testid="document-approve">
                {t('documentsUi.detail.approve')}
              </Button>
            )}
            <Upload
              accept={fileTypes}
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) => {
                const f = file as File;
                run({ method: 'POST', step: 'file', body: f, contentType: f.type || 'application/pdf', query: { fileName: f.name } }, t('documentsUi.detail.uploaded')).then(
                  () => onSuccess?.({}),
                  (e: Error) => onError?.(e),
                );
              }}
            >
              <Button icon={<UploadOutlined />}>{t('documentsUi.detail.upload')}</Button>
            </Upload>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('documentsUi.detail.approveHint')} {t('documentsUi.detail.uploadHint')}
          </Typography.Paragraph>
        </Card>
      )}
      {isManager && isLive && (
        <Card size="small" title={t('documentsUi.detail.distribution')} style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Select mode="multiple" style={{ width: '100%' }} value={postIds} onChange={setPostIds} options={posts.options} showSearch={{ optionFilterProp: 'label' }} data-testid="document-posts" />
            <Button onClick={() => void run({ method: 'PUT', step: 'distribution', body: { postIds } }, t('documentsUi.detail.distributed'))} data-testid="document-distribute">
              {t('documentsUi.detail.saveDistribution')}
            </Button>
          </Space.Compact>
          <Form layout="inline" style={{ marginTop: 12 }}>
            <Form.Item label={t('documentsUi.detail.owner')}>
              <Select allowClear style={{ width: 200 }} value={d.ownerPersonId ?? undefined} options={people.options} onChange={(v) => void run({ method: 'PATCH', step: '', body: { ownerPersonId: v ?? null } }, t('documentsUi.legal.saved'))} />
            </Form.Item>
            <Form.Item label={t('documentsUi.detail.reviewDueOn')}>
              <DateField style={{ width: 180 }} value={d.reviewDueOn} onChange={(v) => (v ?? null) !== d.reviewDueOn && void run({ method: 'PATCH', step: '', body: { reviewDueOn: v ?? null } }, t('documentsUi.legal.saved'))} />
            </Form.Item>
          </Form>
        </Card>
      )}
      {!isManager && d.posts.length > 0 && <Typography.Paragraph>{`${t('documentsUi.detail.distribution')}：${d.posts.map((p) => p.name).join('、')}`}</Typography.Paragraph>}
      <Table<DocumentVersionDto>
        rowKey="id"
        size="small"
        pagination={false}
        title={() => t('documentsUi.detail.versions')}
        dataSource={d.versions}
        data-testid="document-versions"
        columns={[
          { key: 'no', title: t('documentsUi.list.current'), render: (_v, v) => t('documentsUi.list.version', { no: v.versionNo }) },
          { key: 'validity', title: t('documentsUi.detail.status'), render: (_v, v) => <Tag color={validityColours[v.validity]} data-testid={`version-${v.versionNo}-validity`}>{t(`documentsUi.validity.${v.validity}`)}</Tag> },
          { key: 'issued', title: t('documentsUi.list.issuedOn'), render: (_v, v) => v.issuedOn ?? '' },
          { key: 'by', title: t('documentsUi.detail.approvedBy'), render: (_v, v) => v.approvedByName ?? '' },
          { key: 'note', title: t('documentsUi.detail.changeNote'), dataIndex: 'changeNote' },
          { key: 'file', title: t('documentsUi.detail.file'), render: (_v, v) => fileLink(v) },
          { key: 'docx', title: '', render: (_v, v) => <a href={`${documentPaths.documents}/${d.id}/document.docx?versionId=${v.id}`}><FileWordOutlined /></a> },
        ]}
      />
      <Modal
        open={withdrawReason !== null}
        title={t('documentsUi.detail.withdraw')}
        onCancel={() => setWithdrawReason(null)}
        okButtonProps={{ danger: true, disabled: !withdrawReason?.trim() }}
        onOk={() => void run({ method: 'POST', step: 'withdraw', body: { reason: withdrawReason } }, t('documentsUi.detail.withdraw')).then(() => setWithdrawReason(null))}
      >
        <Typography.Paragraph>{t('documentsUi.detail.withdrawConfirm')}</Typography.Paragraph>
        <Input.TextArea placeholder={t('documentsUi.detail.withdrawReason')} value={withdrawReason ?? ''} onChange={(e) => setWithdrawReason(e.target.value)} maxLength={500} />
      </Modal>
    </div>
  );
}
