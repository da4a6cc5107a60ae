import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSetupStatus } from '../../features/setup/use-setup-status';
import { useMe } from './use-me';

export function RequireAuth() {
  const { data: me, isPending } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  // Nobody signed in: an empty installation opens its first-run set-up instead of the login.
  const setup = useSetupStatus(!isPending && !me);
  if (isPending || (!me && setup.isPending)) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin tip={t('app.loading')} size="large">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </div>
    );
  }
  if (!me && setup.data?.isSetupNeeded) return <Navigate to="/setup" replace />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A one-time password handed out by someone else is replaced before anything else.
  if (me.user.mustChangePassword && location.pathname !== '/system/password') return <Navigate to="/system/password" replace />;
  return <Outlet />;
}
