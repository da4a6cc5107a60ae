import { PrinterOutlined } from '@ant-design/icons';
import { OnboardingPanel } from '../onboarding/onboarding-panel';
import { Button, Form, Input, InputNumber, Radio, Select, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PostDto, postInputSchema, postKinds, postUpdateSchema } from '../../../schemas/org.js';
import { type FormValues, nullIfEmpty } from '../../app/ui/resource-form-drawer';
import { LevelTag } from '../../app/ui/level-tag';
import { ResourceListPage } from '../../app/ui/resource-list-page';
import { orgPaths, useAreas, useOrgUnits, usePosts } from './use-org-lookups';

function PostFields() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const areas = useAreas();
  const posts = usePosts();
  return (
    <>
      <Form.Item name="name" label={t('post.name')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="kind" label={t('post.kind')} required>
        <Radio.Group optionType="button" buttonStyle="solid" options={postKinds.map((k) => ({ value: k, label: t(`postKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('post.orgUnit')}>
        <Select allowClear options={orgUnits.options} loading={orgUnits.isLoading} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="reportsToPostId" label={t('post.reportsTo')} extra={t('post.reportsToHint')}>
        <Select allowClear options={posts.options} showSearch={{ optionFilterProp: 'label' }} data-testid="post-reports-to" />
      </Form.Item>
      <Form.Item name="headcount" label={t('post.headcount')}>
        <InputNumber min={0} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="areaIds" label={t('post.areas')} extra={t('post.areasHint')}>
        <Select mode="multiple" allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} data-testid="post-areas" />
      </Form.Item>
      <Form.Item name="mainEquipment" label={t('post.mainEquipment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="mainActivities" label={t('post.mainActivities')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      </Form.Item>
      <Form.Item noStyle dependencies={['kind']}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'management' && (
            <Form.Item name="duties" label={t('post.duties')} extra={t('post.dutiesHint')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

export function PostsPage() {
  const { t } = useTranslation();
  const orgUnits = useOrgUnits();
  const areas = useAreas();

  const columns: ColumnType<PostDto>[] = [
    { key: 'name', dataIndex: 'name', title: t('post.name'), render: (name: string, post: PostDto) => <Link to={`/posts/${post.id}`} data-testid="post-link"><Typography.Text strong>{name}</Typography.Text></Link> },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('post.kind'),
      render: (kind: PostDto['kind']) => <Tag color={kind === 'management' ? 'geekblue' : 'default'}>{t(`postKind.${kind}`)}</Tag>,
    },
    { key: 'orgUnit', dataIndex: 'orgUnitId', title: t('post.orgUnit'), render: (id: string | null) => orgUnits.nameOf(id) },
    { key: 'level', dataIndex: 'level', title: t('post.level'), render: (level: PostDto['level']) => <LevelTag level={level} /> },
    { key: 'areas', dataIndex: 'areaIds', title: t('post.areas'), render: (ids: string[]) => ids.map((id) => areas.nameOf(id)).join('、') },
    { key: 'headcount', dataIndex: 'headcount', title: t('post.headcount'), align: 'right' },
    {
      key: 'mainEquipment',
      dataIndex: 'mainEquipment',
      title: t('post.mainEquipment'),
      render: (text: string) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: text }} style={{ maxWidth: 260 }}>
          {text}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
    {/* The home page: 还差几步 on top until the enterprise has everything it needs (issue 8 §4). */}
    <OnboardingPanel />
    <ResourceListPage<PostDto>
      testId="posts-page"
      // Issue 8 §6: every post's card in one print job, or the ticked posts' cards.
      selectionActions={(selected) => (
        <Link to={selected.length ? `/print/risk-cards?postIds=${selected.map((p) => p.id).join(',')}` : '/print/risk-cards'} data-testid="print-risk-cards">
          <Button icon={<PrinterOutlined />}>{selected.length ? t('publication.batch.printSelected') : t('publication.batch.printCards')}</Button>
        </Link>
      )}
      path={orgPaths.posts}
      title={t('post.title')}
      columns={columns}
      filters={[
        { name: 'kind', placeholder: t('post.filterKind'), options: postKinds.map((k) => ({ value: k, label: t(`postKind.${k}`) })) },
        { name: 'orgUnitId', placeholder: t('post.filterOrgUnit'), options: orgUnits.options, width: 200 },
        { name: 'areaId', placeholder: t('post.filterArea'), options: areas.options, width: 180 },
      ]}
      form={{
        createSchema: postInputSchema,
        updateSchema: postUpdateSchema,
        createTitle: t('post.createTitle'),
        editTitle: t('post.editTitle'),
        emptyValues: { kind: 'operation', headcount: 1, areaIds: [] },
        toFormValues: (p) => ({ ...p }),
        fromFormValues: (v: FormValues) => ({
          name: v.name ?? '',
          kind: v.kind,
          orgUnitId: nullIfEmpty(v.orgUnitId),
          headcount: v.headcount ?? undefined,
          areaIds: (v.areaIds as string[] | undefined) ?? [],
          reportsToPostId: nullIfEmpty(v.reportsToPostId),
          mainEquipment: v.mainEquipment ?? undefined,
          mainActivities: v.mainActivities ?? undefined,
          ...(v.kind === 'management' && { duties: v.duties ?? undefined }),
        }),
        fields: <PostFields />,
      }}
    />
    </>
  );
}
