import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FundOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TeamOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/auth-context';
import { groupOf, type MenuItem, menuFor, selectedMenuKey } from '../auth/menu';
import { setLanguage } from '../i18n';
import { InboxBell, InboxProvider } from './Inbox';
import { TodoBadge } from './TodoBadge';

const ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  enterprises: <AppstoreOutlined />,
  my: <ShopOutlined />,
  import: <CloudUploadOutlined />,
  users: <TeamOutlined />,
  monitoring: <FundOutlined />,
  alarms: <AlertOutlined />,
  todos: <ScheduleOutlined />,
  compliance: <AuditOutlined />,
};

/** The frame around every page after login: the role's menu on the left, who is logged in on top. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const items = menuFor(user);
  const selected = selectedMenuKey(items, location.pathname);
  const group = groupOf(items, selected);
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  // Opening a page of a group (a link, the back button) opens the group.
  useEffect(() => {
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [group]);
  const toMenu = (item: MenuItem): NonNullable<MenuProps['items']>[number] =>
    item.children
      ? {
          key: item.key,
          icon: ICONS[item.key],
          label: <span data-testid={`menu-${item.key}`}>{t(item.labelKey)}</span>,
          children: item.children.map(toMenu),
        }
      : {
          key: item.key,
          icon: ICONS[item.key],
          label: (
            <Link to={item.path} data-testid={`menu-${item.key}`}>
              {t(item.labelKey)}
              {item.key === 'todos' && <TodoBadge />}
            </Link>
          ),
        };

  const onLogout = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <InboxProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0} theme="dark">
          <div
            style={{ color: '#fff', padding: '18px 20px', fontSize: 20, fontWeight: 600, letterSpacing: 2 }}
          >
            {t('common.appName')}
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selected ?? '']}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={items.map(toMenu)}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: '#fff',
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'space-between',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Typography.Text strong>{t('common.appFullName')}</Typography.Text>
            <Space size="middle">
              <InboxBell />
              <span data-testid="current-user">
                {user.displayName}
                <Tag style={{ marginLeft: 8 }} color="blue">
                  {t(`roles.${user.role}`)}
                </Tag>
                {user.regionName && <Typography.Text type="secondary">{user.regionName}</Typography.Text>}
              </span>
              <Button
                type="text"
                icon={<TranslationOutlined />}
                onClick={() => setLanguage(i18n.language === 'en-US' ? 'zh-CN' : 'en-US')}
              >
                {t('common.language')}
              </Button>
              <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} data-testid="logout">
                {t('common.logout')}
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </InboxProvider>
  );
}
