import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LetterDto } from '../../../schemas/duties.js';
import { api } from '../../app/api/api-client';
import { useCanManage, useCurrentUser } from '../../app/auth/use-me';
import { useOrgUnits, usePosts } from '../org/use-org-lookups';
import { usePeople } from '../risks/use-people';
import { SignOffList, signOffsPath } from '../sign-offs/sign-off-list';
import { dutiesPaths, useCreateLetter, useLetters } from './duties-api';

/** The year's 安全生产责任书 per department or post, signed by holder and issuer; a new one drafted from the duty lists. */
export function LettersCard({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isManager = useCanManage();
  const me = useCurrentUser();
  const client = useQueryClient();
  /** The caller signs the letter in the role they hold in it (holder or issuer), logged in. */
  const signAs = async (l: LetterDto, role: 'holder' | 'issuer') => {
    try {
      await api(signOffsPath, { method: 'POST', body: { subjectType: 'responsibility-letter', subjectId: l.id, role, personId: me.personId, method: 'session' } });
      await Promise.all([client.invalidateQueries({ queryKey: [signOffsPath] }), client.invalidateQueries({ queryKey: [dutiesPaths.letters] })]);
      void message.success(t('ohsSystemUi.letters.signedNow'));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const myRoles = (l: LetterDto) => (['issuer', 'holder'] as const).filter((r) => me.personId && (r === 'holder' ? l.holderPersonId : l.issuerPersonId) === me.personId && !l.signedBy.includes(r));
  const letters = useLetters(year);
  const create = useCreateLetter();
  const people = usePeople();
  const posts = usePosts();
  const units = useOrgUnits();
  const [scope, setScope] = useState<'post' | 'org'>('post');
  const [form] = Form.useForm();
  const submit = (v: { target: string; holderPersonId: string; issuerPersonId: string }) =>
    create.mutate(
      { year, postId: scope === 'post' ? v.target : null, orgUnitId: scope === 'org' ? v.target : null, holderPersonId: v.holderPersonId, issuerPersonId: v.issuerPersonId },
      { onSuccess: () => (form.resetFields(['target', 'holderPersonId']), void message.success(t('ohsSystemUi.letters.created'))), onError: (e) => void message.error((e as Error).message) },
    );
  return (
    <Card title={t('ohsSystemUi.letters.title', { year })} data-testid="letters">
      <Table<LetterDto>
        rowKey="id"
        size="small"
        pagination={false}
        loading={letters.isLoading}
        dataSource={letters.data?.items ?? []}
        expandable={{
          expandedRowRender: (l) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.text}</Typography.Paragraph>
              {myRoles(l).map((r) => (
                <Button key={r} type="primary" onClick={() => void signAs(l, r)} data-testid={`letter-sign-${r}`}>
                  {t('ohsSystemUi.letters.signAs', { role: t(`ohsSystemUi.letters.${r}`) })}
                </Button>
              ))}
              <SignOffList subjectType="responsibility-letter" subjectId={l.id} />
            </Space>
          ),
        }}
        columns={[
          { key: 'scope', title: t('ohsSystemUi.letters.scope'), dataIndex: 'scopeName' },
          { key: 'holder', title: t('ohsSystemUi.letters.holder'), dataIndex: 'holderName' },
          { key: 'issuer', title: t('ohsSystemUi.letters.issuer'), dataIndex: 'issuerName' },
          { key: 'signed', title: t('ohsSystemUi.letters.signed'), render: (_v, l) => (l.signedBy.length === 2 ? <Tag color="green">{t('ohsSystemUi.letters.bothSigned')}</Tag> : <Tag color="orange">{t('ohsSystemUi.letters.waiting', { n: 2 - l.signedBy.length })}</Tag>) },
        ]}
      />
      {isManager && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item>
            <Radio.Group value={scope} onChange={(e) => (setScope(e.target.value), form.resetFields(['target']))} options={[{ value: 'post', label: t('ohsSystemUi.letters.post') }, { value: 'org', label: t('ohsSystemUi.letters.department') }]} />
          </Form.Item>
          <Form.Item name="target" rules={[{ required: true, message: t('ohsSystemUi.letters.pickScope') }]}>
            <Select style={{ width: 200 }} options={scope === 'post' ? posts.options : units.options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('ohsSystemUi.letters.scope')} />
          </Form.Item>
          <Form.Item name="holderPersonId" rules={[{ required: true, message: t('ohsSystemUi.letters.pickHolder') }]}>
            <Select style={{ width: 160 }} options={people.options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('ohsSystemUi.letters.holder')} />
          </Form.Item>
          <Form.Item name="issuerPersonId" rules={[{ required: true, message: t('ohsSystemUi.letters.pickIssuer') }]}>
            <Select style={{ width: 160 }} options={people.options} showSearch={{ optionFilterProp: 'label' }} placeholder={t('ohsSystemUi.letters.issuer')} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            {t('ohsSystemUi.letters.create')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
