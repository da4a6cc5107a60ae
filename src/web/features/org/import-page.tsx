import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ImportIssue, importResultSchema } from '../../../schemas/org.js';
import { api, isApiError } from '../../app/api/api-client';
import { PageHeader } from '../../app/ui/page-header';
import { orgPaths } from './use-org-lookups';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type ImportResult = z.infer<typeof importResultSchema>;

export function ImportPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [typeError, setTypeError] = useState(false);

  const upload = useMutation({
    mutationFn: (f: File) => api<ImportResult>('/api/v1/imports/posts-people', { method: 'POST', body: f, contentType: xlsxMime }),
    onSuccess: async () => {
      setFile(null);
      await Promise.all([client.invalidateQueries({ queryKey: [orgPaths.posts] }), client.invalidateQueries({ queryKey: [orgPaths.people] })]);
    },
  });
  const issues: ImportIssue[] = isApiError(upload.error) && Array.isArray(upload.error.body.issues) ? (upload.error.body.issues as ImportIssue[]) : [];

  return (
    <div data-testid="import-page">
      <PageHeader title={t('import.title')} hint={t('import.intro')} />
      <Card>
        <Steps
          size="small"
          style={{ marginBottom: 24 }}
          current={upload.isSuccess ? 3 : file ? 2 : 0}
          items={[{ title: t('import.stepTemplate') }, { title: t('import.stepFill') }, { title: t('import.stepUpload') }]}
        />
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Button icon={<DownloadOutlined />} href="/api/v1/imports/posts-people/template.xlsx" download>
            {t('import.downloadTemplate')}
          </Button>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              const isXlsx = f.name.toLowerCase().endsWith('.xlsx');
              setTypeError(!isXlsx);
              if (isXlsx) {
                setFile(f);
                upload.reset();
              }
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.chooseFile')}</p>
            <p className="ant-upload-hint">{t('import.chooseFileHint')}</p>
          </Upload.Dragger>
          {typeError && <Alert type="warning" showIcon title={t('import.wrongType')} />}
          <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            {upload.isPending ? t('import.uploading') : t('import.upload')}
          </Button>
        </Space>
      </Card>
      {upload.isSuccess && (
        <Card style={{ marginTop: 16 }}>
          <Result status="success" title={t('import.success')} subTitle={t('import.successDetail', { posts: upload.data.posts, people: upload.data.people })} />
        </Card>
      )}
      {upload.error && (
        <Card style={{ marginTop: 16 }}>
          <Alert type="error" showIcon title={issues.length ? t('import.failed') : upload.error.message} description={issues.length ? upload.error.message : undefined} style={{ marginBottom: 12 }} />
          {issues.length > 0 && (
            <Table<ImportIssue>
              size="small"
              rowKey={(i) => `${i.sheet}-${i.row}-${i.column}-${i.message}`}
              dataSource={issues}
              pagination={issues.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'sheet', dataIndex: 'sheet', title: t('import.sheet') },
                { key: 'row', dataIndex: 'row', title: t('import.row'), align: 'right' },
                { key: 'column', dataIndex: 'column', title: t('import.column') },
                { key: 'message', dataIndex: 'message', title: t('import.message'), render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
