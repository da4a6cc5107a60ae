import { MobileOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FirstSteps } from '../../../schemas/emergency.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { usePosts } from '../org/use-org-lookups';
import { usePostEmergencyCard } from './emergency-api';

const stepKeys = ['stop', 'alarm', 'isolate', 'firstAid', 'evacuation', 'assemblyPoint'] as const;

/** 岗位应急处置卡: per post, the first steps of self and mutual rescue; printed on A4 and shown on the phone's post page. */
export function CardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCanManage();
  const posts = usePosts();
  const [params, setParams] = useSearchParams();
  const postId = params.get('postId') ?? '';
  const card = usePostEmergencyCard(postId);
  const [form] = Form.useForm<FirstSteps>();
  const [savedFor, setSavedFor] = useState<string | null>(null);
  useEffect(() => {
    if (card.data) form.setFieldsValue(card.data.firstSteps ?? { stop: '', alarm: '', isolate: '', firstAid: '', evacuation: '', assemblyPoint: '' });
  }, [card.data, form]);
  const save = useMutation({
    mutationFn: (body: FirstSteps) => api<FirstSteps>(`/api/v1/posts/${postId}/first-steps`, { method: 'PUT', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/api/v1/posts', postId, 'emergency-card'] });
      setSavedFor(postId);
      void message.success(t('emergencyUi.card.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <div data-testid="emergency-cards">
      <PageHeader title={t('emergencyUi.card.title')} hint={t('emergencyUi.card.hint')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 280 }}
          placeholder={t('emergencyUi.card.post')}
          value={postId || undefined}
          options={posts.options}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(v: string) => setParams({ postId: v })}
          data-testid="card-post"
        />
        {postId && (
          <>
            <Button icon={<PrinterOutlined />} href={`/print/posts/${postId}/emergency-card`} target="_blank" data-testid="card-print">
              {t('emergencyUi.card.print')}
            </Button>
            <Button icon={<MobileOutlined />} href={`/m/p/${postId}/emergency`} target="_blank">
              {t('emergencyUi.card.phone')}
            </Button>
          </>
        )}
      </Space>
      {!postId ? (
        <Empty description={t('emergencyUi.card.pickPost')} />
      ) : (
        <Card size="small" title={t('emergencyUi.card.firstSteps')} loading={card.isLoading}>
          <Form form={form} layout="vertical" disabled={!canManage} onFinish={(v) => save.mutate({ ...v })}>
            {stepKeys.map((k) => (
              <Form.Item key={k} name={k} label={t(`emergencyUi.card.steps.${k}`)}>
                {k === 'assemblyPoint' ? <Input maxLength={200} data-testid={`step-${k}`} /> : <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={k === 'firstAid' ? 2000 : 1000} data-testid={`step-${k}`} />}
              </Form.Item>
            ))}
            {canManage && (
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-steps">
                  {t('emergencyUi.card.save')}
                </Button>
                {savedFor === postId && <Typography.Text type="success">{t('emergencyUi.card.saved')}</Typography.Text>}
              </Space>
            )}
          </Form>
        </Card>
      )}
    </div>
  );
}
