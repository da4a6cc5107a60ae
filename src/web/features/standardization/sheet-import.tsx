import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api/api-client';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Issue = { row: number; column: string; message: string };

/** Import a scoring sheet from the template layout: the same control for an enterprise (`/standardization/sheets`)
 * and a county (`/oversight/score-sheets`) — one template (`${path}/template.xlsx`), one parser on the server. */
export function SheetImport({ path, canImport, onImported }: { path: string; canImport: boolean; onImported(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [total, setTotal] = useState<number | null>(1000);
  const [issues, setIssues] = useState<Issue[]>([]);
  const upload = useMutation({ mutationFn: (file: File) => api(path, { query: { name, totalPoints: total ?? undefined }, body: file, contentType: xlsxMime }) });
  return (
    <>
      <div className="page-toolbar">
        <Button href={`${path}/template.xlsx`}>{t('standardizationUi.sheets.template')}</Button>
        {canImport && (
          <Space wrap>
            <Input placeholder={t('standardizationUi.sheets.name')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
            <InputNumber placeholder={t('standardizationUi.sheets.total')} value={total} onChange={(v) => setTotal(v)} min={1} />
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                setIssues([]);
                upload.mutate(file, {
                  onSuccess: () => {
                    setName('');
                    onImported();
                    void message.success(t('standardizationUi.sheets.imported'));
                  },
                  onError: (e) => (isApiError(e) && Array.isArray(e.body.issues) ? setIssues(e.body.issues as Issue[]) : void message.error(e.message)),
                });
                return false;
              }}
            >
              <Button type="primary" disabled={!name.trim() || !total} loading={upload.isPending}>
                {t('standardizationUi.sheets.import')}
              </Button>
            </Upload>
          </Space>
        )}
      </div>
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('standardizationUi.sheets.issues')}
          description={
            <ul style={{ margin: 0 }}>
              {issues.map((i) => (
                <li key={`${i.row}-${i.column}`}>{`#${i.row} ${i.column}：${i.message}`}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
