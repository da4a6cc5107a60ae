import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { managerRoles } from '../../../schemas/auth.js';
import type { PostDutyListDto, SystemYearInput } from '../../../schemas/duties.js';
import { api } from '../../app/api/api-client';
import { hasRole, useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { usePeople } from '../risks/use-people';
import { SignOffList, signOffsPath } from '../sign-offs/sign-off-list';
import { useSaveSystemYear, useSystemYear, useDutyLists } from './duties-api';
import { LettersCard } from './responsibility-letters-card';

function CommitmentCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const isManager = hasRole(me, managerRoles);
  const people = usePeople();
  const record = useSystemYear(year);
  const save = useSaveSystemYear(year);
  const [form] = Form.useForm<SystemYearInput>();
  const y = record.data;
  useEffect(() => {
    if (y) form.setFieldsValue({ ...y });
  }, [y, form]);
  if (!y) return null;
  const signNow = async () => {
    try {
      await api(signOffsPath, { method: 'POST', body: { subjectType: 'ohs-commitment', subjectId: y.id, role: 'principal', personId: me.personId, method: 'session' } });
      await client.invalidateQueries({ queryKey: [signOffsPath] });
      await record.refetch();
      void message.success(t('ohsSystemUi.duties.signed'));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Card
      title={t('ohsSystemUi.duties.commitment', { year })}
      extra={y.id && <Tag color={y.isSigned ? 'green' : 'orange'} data-testid="commitment-state">{y.isSigned ? t('ohsSystemUi.duties.isSigned') : t('ohsSystemUi.duties.notSigned')}</Tag>}
      data-testid="commitment"
    >
      <Form
        form={form}
        layout="vertical"
        disabled={!isManager}
        onFinish={(v) =>
          save.mutate(
            { commitmentText: v.commitmentText, principalPersonId: v.principalPersonId ?? null, builderPersonId: v.builderPersonId ?? null, resourcesPeople: v.resourcesPeople ?? '', resourcesBudgetCny: v.resourcesBudgetCny ?? null, resourcesEquipment: v.resourcesEquipment ?? '' },
            { onSuccess: () => void message.success(t('ohsSystemUi.duties.saved')), onError: (e) => void message.error((e as Error).message) },
          )
        }
      >
        <Form.Item name="commitmentText" label={t('ohsSystemUi.duties.commitmentText')} rules={[{ required: true }]}>
          <Input.TextArea rows={8} maxLength={4000} data-testid="commitment-text" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="principalPersonId" label={t('ohsSystemUi.duties.principal')}>
            <Select style={{ width: 220 }} allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item name="builderPersonId" label={t('ohsSystemUi.duties.builder')} extra={t('ohsSystemUi.duties.builderHint')}>
            <Select style={{ width: 220 }} allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('ohsSystemUi.duties.resources', { year })}</Typography.Title>
        <Space wrap size="large" align="start">
          <Form.Item name="resourcesPeople" label={t('ohsSystemUi.duties.people')}>
            <Input.TextArea rows={2} style={{ width: 280 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="resourcesBudgetCny" label={t('ohsSystemUi.duties.budget')}>
            <InputNumber min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="resourcesEquipment" label={t('ohsSystemUi.duties.equipment')}>
            <Input.TextArea rows={2} style={{ width: 280 }} maxLength={2000} />
          </Form.Item>
        </Space>
        {isManager && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="commitment-save">
            {t('ohsSystemUi.duties.save')}
          </Button>
        )}
      </Form>
      {y.id && y.principalPersonId && y.principalPersonId === me.personId && !y.isSigned && (
        <Button style={{ marginTop: 12 }} type="primary" onClick={signNow} data-testid="commitment-sign">
          {t('ohsSystemUi.duties.sign')}
        </Button>
      )}
      {y.id && <div style={{ marginTop: 12 }}><SignOffList subjectType="ohs-commitment" subjectId={y.id} title={t('ohsSystemUi.duties.commitmentSignature')} /></div>}
    </Card>
  );
}

function DutyListsCard() {
  const { t } = useTranslation();
  const lists = useDutyLists();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card title={t('ohsSystemUi.duties.lists')} data-testid="duty-lists">
      <Typography.Paragraph type="secondary">{t('ohsSystemUi.duties.listsHint')}</Typography.Paragraph>
      <Table<PostDutyListDto>
        rowKey="postId"
        size="small"
        pagination={false}
        loading={lists.isLoading}
        dataSource={lists.data?.items ?? []}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (isOpen, l) => setOpen(isOpen ? l.postId : null),
          expandedRowRender: (l) => <SignOffList subjectType="post-duty-list" subjectId={l.postId} title={t('ohsSystemUi.duties.acknowledgements')} />,
        }}
        columns={[
          { key: 'post', title: t('ohsSystemUi.duties.post'), width: 160, render: (_v, l) => <Typography.Text strong>{l.postName}</Typography.Text> },
          {
            key: 'items',
            title: t('ohsSystemUi.duties.items'),
            render: (_v, l) =>
              l.items.length ? (
                <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                  {l.items.map((i) => (
                    <li key={i.text}>
                      {i.text} {i.source === 'risk' && <Tag>{t('ohsSystemUi.duties.fromRisk')}</Tag>}
                    </li>
                  ))}
                </ol>
              ) : (
                <Typography.Text type="warning">{t('ohsSystemUi.duties.noItems')}</Typography.Text>
              ),
          },
          {
            key: 'holders',
            title: t('ohsSystemUi.duties.notYet'),
            width: 260,
            render: (_v, l) => {
              const missing = l.holders.filter((h) => !h.hasAcknowledged);
              if (!l.holders.length) return <Typography.Text type="secondary">{t('ohsSystemUi.duties.noHolders')}</Typography.Text>;
              return (
                <span data-testid={`not-acknowledged-${l.postId}`}>
                  {missing.length ? missing.map((h) => <Tag key={h.personId} color="red">{h.name}</Tag>) : <Tag color="green">{t('ohsSystemUi.duties.allAcknowledged')}</Tag>}
                  <Typography.Text type="secondary">{t('ohsSystemUi.duties.count', { done: l.holders.length - missing.length, total: l.holders.length })}</Typography.Text>
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

/** 承诺与职责 (seed 000 二(一)): the top manager's commitment, builder and resources; duty lists; responsibility letters. */
export function DutiesPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="duties-page">
      <PageHeader
        title={t('ohsSystemUi.duties.title')}
        hint={t('ohsSystemUi.duties.hint')}
        extra={<InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} addonBefore={t('ohsSystemUi.duties.year')} />}
      />
      <CommitmentCard year={year} />
      <DutyListsCard />
      <LettersCard year={year} />
      <Alert type="info" showIcon message={t('ohsSystemUi.duties.phoneHint')} />
    </Space>
  );
}
