import { MenuOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { useCurrentUser } from '../auth/use-me';
import { EnterpriseSwitcher } from './enterprise-switcher';
import { LanguageSwitch } from './language-switch';
import { NoEnterprise } from './no-enterprise';
import { buildNavItems, navGroupOf, selectedNavKey } from './nav-items';
import { useNavOpenGroups } from './nav-open-groups';
import { UserMenu } from './user-menu';

/** Pages that need no active enterprise: the administrator's, the password, and the regulator's and consultant's own (issue 17: they read across enterprises). */
const pagesWithoutEnterprise = ['/system/password', '/system/members', '/system/consultancies', '/system/jurisdictions', '/oversight', '/consultancy'];

const siderWidth = 220;

function Brand({ isCollapsed = false }: { isCollapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <SafetyCertificateOutlined style={{ fontSize: 22 }} />
      {!isCollapsed && <span>{t('app.fullName')}</span>}
    </div>
  );
}

export function AppLayout() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const [isCollapsed, setCollapsed] = useState(false);

  const selected = selectedNavKey(location.pathname);
  const items = buildNavItems(me, t);
  const [openGroups, setOpenGroups] = useNavOpenGroups(navGroupOf(items, selected));
  // A collapsed sider shows groups as pop-ups: antd keeps those itself (controlled keys would pop all open ones).
  const isSiderCollapsed = !isPhone && isCollapsed;
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[selected]}
      items={items}
      // Entries of closed groups stay in the page (hidden), so links and tests can find them by name.
      forceSubMenuRender
      {...(isSiderCollapsed ? {} : { openKeys: openGroups, onOpenChange: setOpenGroups })}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider width={siderWidth} collapsible collapsed={isCollapsed} onCollapse={setCollapsed} breakpoint="lg" className="app-sider" style={{ position: 'sticky', top: 0, height: '100vh' }}>
          <Brand isCollapsed={isCollapsed} />
          {menu}
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header" style={{ paddingInline: isPhone ? 8 : 20 }}>
          <Space size={4} align="center" style={{ minWidth: 0 }}>
            {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.menu')} data-testid="nav-toggle" onClick={() => setDrawerOpen(true)} />}
            {isPhone ? (
              <Typography.Text strong>{t('app.name')}</Typography.Text>
            ) : (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, lineHeight: '56px', display: 'block' }}>
                {me.memberships.find((m) => m.enterpriseId === me.activeEnterpriseId)?.enterpriseName}
              </Typography.Text>
            )}
          </Space>
          <Space size={isPhone ? 0 : 8} align="center">
            <NotificationBell isCompact={isPhone} />
            <EnterpriseSwitcher width={isPhone ? 130 : 240} />
            <LanguageSwitch isCompact={isPhone} />
            <UserMenu isCompact={isPhone} />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 20 }}>
          {me.activeEnterpriseId === null && !pagesWithoutEnterprise.some((p) => location.pathname.startsWith(p)) ? (
            <NoEnterprise me={me} />
          ) : (
            <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
