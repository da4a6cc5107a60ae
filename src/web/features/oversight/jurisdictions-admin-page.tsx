import { useQuery } from '@tanstack/react-query';
import { Card, Result, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionItemDto } from '../../../schemas/oversight-county.js';
import { api } from '../../app/api/api-client';
import { useCurrentUser } from '../../app/auth/use-me';
import { PageHeader } from '../../app/ui/page-header';
import { RegionPicker } from '../setup/region-picker';
import { jurisdictionsPath, TownsLoginsCard } from './towns-logins-card';

/** /system/jurisdictions — the administrator's counties, towns and regulator logins (issue 17 item 2). */
export function JurisdictionsAdminPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [countyCode, setCountyCode] = useState<string | undefined>();
  const all = useQuery({ queryKey: [jurisdictionsPath], queryFn: () => api<{ items: JurisdictionItemDto[] }>(jurisdictionsPath), enabled: me.user.isAdmin });
  if (!me.user.isAdmin) return <Result status="403" title={t('app.forbidden')} />;
  return (
    <div data-testid="jurisdictions-page">
      <PageHeader title={t('jurisdictionUi.title')} hint={t('jurisdictionUi.hint')} />
      <Card size="small" title={t('jurisdictionUi.pickCounty')}>
        <div style={{ maxWidth: 420 }}>
          <RegionPicker value={countyCode} onChange={setCountyCode} />
        </div>
        {countyCode && <TownsLoginsCard key={countyCode} countyCode={countyCode} isAdmin />}
      </Card>
      <Card size="small" title={t('jurisdictionUi.all')} style={{ marginTop: 12 }}>
        <Table<JurisdictionItemDto>
          size="small"
          rowKey="userId"
          loading={all.isLoading}
          dataSource={all.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(r) => ({ onClick: () => setCountyCode(r.countyCode), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'county', title: t('jurisdictionUi.county'), render: (_v, r) => `${r.countyName}（${r.countyCode}）` },
            { key: 'town', title: t('jurisdictionUi.town'), render: (_v, r) => r.townName ?? <Tag color="blue">{t('jurisdictionUi.countyLevel')}</Tag> },
            { key: 'displayName', title: t('jurisdictionUi.displayName'), dataIndex: 'displayName' },
            { key: 'username', title: t('jurisdictionUi.username'), dataIndex: 'username' },
          ]}
        />
      </Card>
    </div>
  );
}
