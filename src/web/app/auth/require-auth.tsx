import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from './use-me';

export function RequireAuth() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin tip={t('app.loading')} size="large">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
