import { Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { listCommands } from '../../api/monitoring';
import { useUser } from '../../auth/auth-context';
import { canCommand } from '../../auth/menu';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { useApi } from '../../utils/use-api';
import { CommandsTab } from './CommandsTab';
import { LivePanel } from './LivePanel';
import { type LiveState, orderedCodes } from './live-values';
import { loadOutletHeader, type OutletHeader } from './outlet-header';
import { OnlineBadge, RelativeTime } from './parts';
import { RecordsTab } from './RecordsTab';
import { TrendTab } from './TrendTab';
import { useLiveValues } from './use-live-values';

const TABS = ['trend', 'records', 'commands'] as const;
type TabKey = (typeof TABS)[number];

const ONLINE_MS = 30 * 60_000;

/**
 * Each unit of the outlet: MN, online (last packet ≤ 30 min), last data, and the TCP connection.
 * A pushed packet is fresher than the page's first answer: it moves "last data" on and re-reads the
 * connection (a unit that just reconnected is known by its first packet).
 */
function Connection({ header, live }: { header: OutletHeader; live: LiveState }) {
  const { t } = useTranslation();
  const ids = header.monitors.filter((m) => m.active).map((m) => m.id);
  const { data: connected } = useApi(
    (signal) =>
      Promise.all(
        ids.map((id) =>
          listCommands(id, signal).then(
            (r) => r.connected,
            () => null,
          ),
        ),
      ),
    [ids.join(','), live.lastReceivedAt],
  );
  const pushed = (monitorId: number) =>
    Object.values(live.values)
      .filter((v) => v.monitorId === monitorId)
      .reduce<string | null>(
        (last, v) => (!last || Date.parse(v.receivedAt) > Date.parse(last) ? v.receivedAt : last),
        null,
      );
  if (ids.length === 0)
    return <Typography.Text type="secondary">{t('monitoring.outlet.noMonitor')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4}>
      {header.monitors
        .filter((m) => m.active)
        .map((m, i) => {
          const status = header.status.find((s) => s.id === m.id);
          const tcp = connected?.[i];
          const latest = [status?.lastSeenAt ?? null, pushed(m.id)]
            .filter((v): v is string => v !== null)
            .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
          const online = latest ? Date.now() - Date.parse(latest) <= ONLINE_MS : false;
          return (
            <Space key={m.id} size={12} wrap data-testid="outlet-connection">
              <Typography.Text code style={{ fontSize: 12 }}>
                {m.mn}
              </Typography.Text>
              <OnlineBadge online={status?.online || online} lastSeenAt={latest ?? null} />
              {tcp !== undefined && tcp !== null && (
                <Tag color={tcp ? 'success' : 'default'}>
                  {tcp ? t('monitoring.outlet.connected') : t('monitoring.outlet.disconnected')}
                </Tag>
              )}
              <Space size={4}>
                <Typography.Text type="secondary">{t('monitoring.outlet.lastSeen')}</Typography.Text>
                <RelativeTime iso={latest ?? null} />
              </Space>
            </Space>
          );
        })}
    </Space>
  );
}

/** 排放口监控页: header, live values by push, trend chart, records with raw packets, commands. */
export default function OutletMonitoringPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { id = '' } = useParams();
  const outletId = Number(id);
  const [params, setParams] = useSearchParams();
  const commands = canCommand(user.role);
  const tabs = TABS.filter((k) => k !== 'commands' || commands);
  const tab: TabKey = tabs.find((k) => k === params.get('tab')) ?? 'trend';
  const { data: header, error, reload } = useApi((signal) => loadOutletHeader(outletId, signal), [outletId]);
  const { live, stream } = useLiveValues(outletId);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!header) return <Loading />;

  const pollutants = header.pollutants.length > 0 ? header.pollutants : orderedCodes(live, []);
  const monitors = header.monitors.filter((m) => m.active);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="outlet-title">
            {header.outletCode} {header.outletName}
          </Typography.Title>
          <Tag color={header.outletKind === 'air' ? 'geekblue' : 'cyan'}>
            {t(`outletKind.${header.outletKind}`)}
          </Tag>
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          style={{ marginTop: 12 }}
        >
          <Descriptions.Item label={t('monitoring.common.enterprise')}>
            <Link to={`/enterprises/${header.enterpriseId}?tab=outlets`} data-testid="outlet-enterprise">
              {header.enterpriseName}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.outlet.referenceO2')}>
            {header.referenceO2 === null ? '—' : `${header.referenceO2}%`}
          </Descriptions.Item>
          <Descriptions.Item label={t('monitoring.outlet.connection')} span="filled">
            <Connection header={header} live={live} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <LivePanel live={live} stream={stream} pollutants={pollutants} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            if (key === 'trend') next.delete('tab');
            else next.set('tab', key);
            setParams(next, { replace: true });
          }}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`tab-${key}`}>{t(`monitoring.outlet.${key}`)}</span>,
            children: {
              trend: <TrendTab outletId={outletId} pollutants={pollutants} />,
              records: <RecordsTab outletId={outletId} pollutants={pollutants} monitors={monitors} />,
              commands: <CommandsTab monitors={monitors} />,
            }[key],
          }))}
        />
      </Card>
    </Space>
  );
}
