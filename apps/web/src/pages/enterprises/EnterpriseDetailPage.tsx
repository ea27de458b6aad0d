import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { getEnterprise, setEnterpriseActive } from '../../api/enterprises';
import { useUser } from '../../auth/auth-context';
import { canEditRegistry } from '../../auth/menu';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { Loading } from '../../components/Loading';
import { ControlLevelTag, InactiveTag, StatusTag } from '../../components/tags';
import { useApi } from '../../utils/use-api';
import { BasicsTab } from './BasicsTab';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { FacilitiesTab } from './FacilitiesTab';
import { HistoryTab } from './HistoryTab';
import { OutletsTab } from './OutletsTab';
import { PermitsTab } from './PermitsTab';

const TABS = ['basics', 'permits', 'outlets', 'facilities', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** 一企一档: one enterprise with its permits, outlets and monitors, facilities and change history. */
export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const { modal, message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'basics';
  const { data, error, loading, reload } = useApi((signal) => getEnterprise(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return loading ? <Loading /> : null;

  const editable = canEditRegistry(user.role);
  const refresh = () => {
    reload();
    setHistoryKey((n) => n + 1);
  };
  const toggleActive = () =>
    modal.confirm({
      title: data.active ? t('detail.confirmDeactivate', { name: data.name }) : t('common.activate'),
      onOk: async () => {
        try {
          await setEnterpriseActive(data.id, !data.active);
          message.success(data.active ? t('common.deactivated') : t('common.activated'));
          refresh();
        } catch (err) {
          message.error(errorMessage(t, err));
        }
      },
    });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">
            {data.name}
          </Typography.Title>
          <Space size={4} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" copyable>
              {data.creditCode}
            </Typography.Text>
            <ControlLevelTag value={data.controlLevel} />
            <StatusTag value={data.status} />
            <InactiveTag active={data.active} />
          </Space>
        </div>
        {editable && (
          <Space>
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="edit-button"
            >
              {t('common.edit')}
            </Button>
            {user.role !== 'enterprise' && (
              <Button
                danger={data.active}
                icon={data.active ? <StopOutlined /> : <UndoOutlined />}
                onClick={toggleActive}
              >
                {data.active ? t('common.deactivate') : t('common.activate')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      {!data.active && (
        <Alert type="warning" showIcon message={t('detail.inactiveBanner')} style={{ marginTop: 16 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'basics' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: <span data-testid={`tab-${key}`}>{t(`detail.${key}`)}</span>,
          children: {
            basics: <BasicsTab enterprise={data} />,
            permits: <PermitsTab enterprise={data} editable={editable} onChanged={refresh} />,
            outlets: <OutletsTab enterprise={data} editable={editable} onChanged={refresh} />,
            facilities: <FacilitiesTab enterprise={data} editable={editable} onChanged={refresh} />,
            history: <HistoryTab key={historyKey} enterpriseId={data.id} />,
          }[key],
        }))}
      />
      <EnterpriseFormModal
        open={editing}
        enterprise={data}
        onClose={() => setEditing(false)}
        onSaved={refresh}
      />
    </Card>
  );
}
