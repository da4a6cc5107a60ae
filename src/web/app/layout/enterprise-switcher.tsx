import { BankOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../schemas/auth.js';
import type { EnterpriseDto } from '../../../schemas/org.js';
import { api } from '../api/api-client';
import { meKey, useCurrentUser } from '../auth/use-me';
import { LoadMore } from '../ui/load-more';
import { usePagedList } from '../ui/use-paged-list';

/** Shown to users with several enterprises (consultants, regulators, the administrator). */
export function EnterpriseSwitcher({ width }: { width: number | string }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  // The administrator's are every enterprise of the installation: a page at a time, in name order.
  const all = usePagedList<EnterpriseDto>('/api/v1/enterprises', {}, 100, me.user.isAdmin);
  // The active one by name even when it is on a page not loaded yet.
  const current = useQuery({
    queryKey: ['/api/v1/enterprises/current'],
    queryFn: () => api<EnterpriseDto>('/api/v1/enterprises/current'),
    enabled: me.user.isAdmin && Boolean(me.activeEnterpriseId),
  });
  const loaded = current.data && !all.items.some((e) => e.id === current.data.id) ? [current.data, ...all.items] : all.items;
  const options = me.user.isAdmin
    ? loaded.map((e) => ({ value: e.id, label: e.name }))
    : me.memberships.map((m) => ({ value: m.enterpriseId, label: m.enterpriseName }));
  const switchTo = useMutation({
    mutationFn: (enterpriseId: string) => api<Me>('/api/v1/auth/active-enterprise', { method: 'POST', body: { enterpriseId } }),
    onSuccess: async (updated, enterpriseId) => {
      client.setQueryData(meKey, updated);
      await client.invalidateQueries();
      const name = options.find((o) => o.value === enterpriseId)?.label ?? '';
      void message.success(t('header.switched', { name }));
    },
    onError: (error) => void message.error(error.message),
  });
  if (options.length < 2 && !me.user.isAdmin) return null;
  return (
    <Select
      aria-label={t('header.switchEnterprise')}
      data-testid="enterprise-switcher"
      style={{ width }}
      prefix={<BankOutlined />}
      placeholder={t('header.switchEnterprise')}
      value={me.activeEnterpriseId ?? undefined}
      options={options}
      loading={switchTo.isPending || all.isLoading}
      onChange={(id: string) => switchTo.mutate(id)}
      popupMatchSelectWidth={false}
      showSearch={{ optionFilterProp: 'label' }}
      popupRender={(menu) => (me.user.isAdmin ? <>{menu}<LoadMore list={all} testId="enterprise-switcher-more" /></> : menu)}
    />
  );
}
