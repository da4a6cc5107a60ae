import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Grid, Input, InputNumber, Select, Skeleton, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnterpriseDto, enterpriseUpdateSchema, industries } from '../../../schemas/org.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { type FormValues, ResourceFormDrawer } from '../../app/ui/resource-form-drawer';

const path = '/api/v1/enterprises/current';
const queryKey = ['/api/v1/enterprises', 'current'];
const sizeColours = { small: 'blue', micro: 'cyan', other: 'default' } as const;

function EnterpriseFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('enterprise.name')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="industry" label={t('enterprise.industry')} required>
        <Select options={industries.map((i) => ({ value: i, label: t(`industry.${i}`) }))} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('enterprise.regionCode')} required>
        <Input maxLength={6} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="address" label={t('enterprise.address')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="headcount" label={t('enterprise.headcount')} required>
        <InputNumber min={1} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="revenueCny" label={t('enterprise.revenueCny')} required>
        <InputNumber min={0} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="principalName" label={t('enterprise.principalName')} required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="principalPhone" label={t('enterprise.principalPhone')}>
        <Input maxLength={11} inputMode="tel" />
      </Form.Item>
    </>
  );
}

export function EnterprisePage() {
  const { t, i18n } = useTranslation();
  const canManage = useCanManage();
  const screens = Grid.useBreakpoint();
  const [isEditing, setEditing] = useState(false);
  const query = useQuery({ queryKey, queryFn: () => api<EnterpriseDto>(path) });
  const e = query.data;
  const money = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });

  return (
    <div data-testid="enterprise-page">
      <PageHeader
        title={t('enterprise.title')}
        extra={
          canManage &&
          e && (
            <Flex gap={8} wrap>
              <Tooltip title={t('enterprise.exportAllHint')}>
                <Button icon={<DownloadOutlined />} href={`${path}/export.zip`} data-testid="enterprise-export">
                  {t('enterprise.exportAll')}
                </Button>
              </Tooltip>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </Flex>
          )
        }
      />
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <Card>
        {!e ? (
          <Skeleton active />
        ) : (
          <Descriptions column={screens.lg ? 2 : 1} size="middle" bordered={Boolean(screens.md)} layout={screens.sm ? 'horizontal' : 'vertical'}>
            <Descriptions.Item label={t('enterprise.name')} span={screens.lg ? 2 : 1}>
              {e.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.creditCode')}>{e.creditCode}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.industry')}>{t(`industry.${e.industry}`)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.sizeClass')}>
              <Tooltip title={t('enterprise.sizeClassHint')}>
                <Tag color={sizeColours[e.sizeClass]} data-testid="size-class">
                  {t(`sizeClass.${e.sizeClass}`)}
                </Tag>
              </Tooltip>
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.regionCode')}>{e.regionCode}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.headcount')}>{e.headcount}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.revenueCny')}>¥ {money.format(e.revenueCny)}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.principalName')}>{e.principalName}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.principalPhone')}>{e.principalPhone ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('enterprise.address')} span={screens.lg ? 2 : 1}>
              {e.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('enterprise.timeZone')}>{e.timeZone}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {e && (
        <EnterpriseDrawer enterprise={e} isOpen={isEditing} onClose={() => setEditing(false)} />
      )}
    </div>
  );
}

function EnterpriseDrawer({ enterprise, isOpen, onClose }: { enterprise: EnterpriseDto; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  // PATCH /enterprises/current: the drawer appends /{id} for edits, so edit "current" as the id.
  const editing = useMemo(() => ({ ...enterprise, id: 'current' }), [enterprise]);
  return (
    <ResourceFormDrawer<EnterpriseDto>
      path="/api/v1/enterprises"
      isOpen={isOpen}
      editing={isOpen ? editing : null}
      onClose={onClose}
      spec={{
        createSchema: enterpriseUpdateSchema,
        updateSchema: enterpriseUpdateSchema,
        createTitle: t('enterprise.editTitle'),
        editTitle: t('enterprise.editTitle'),
        emptyValues: {},
        toFormValues: (e) => ({ ...e, principalPhone: e.principalPhone ?? '' }),
        fromFormValues: (v: FormValues) => ({
          name: v.name,
          industry: v.industry,
          regionCode: v.regionCode,
          address: v.address,
          headcount: v.headcount ?? undefined,
          revenueCny: v.revenueCny ?? undefined,
          principalName: v.principalName,
          principalPhone: v.principalPhone ? v.principalPhone : undefined,
        }),
        fields: <EnterpriseFields />,
      }}
    />
  );
}
