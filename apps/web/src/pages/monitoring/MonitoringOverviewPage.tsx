import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type DistrictStatus, getOverview, type InvalidHour, type Overview } from '../../api/monitoring';
import { Chart } from '../../components/charts/Chart';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { districtChartOption } from './district-chart';
import { labelOr, reasonKey } from './flags';
import { FlagTag, RateText, useDistrictOptions, usePollutants } from './parts';
import { belowTarget, formatRate, RATE_COLORS, RATE_TARGET, rateColor, ratePercent } from './rate-format';

const REFRESH_MS = 60_000;

/** A bar from 0 to 100 % with the 90 % target as a red tick. */
function TargetBar({ rate }: { rate: number | null }) {
  const { t } = useTranslation();
  const pct = ratePercent(rate) ?? 0;
  const target = `${RATE_TARGET * 100}%`;
  return (
    <div style={{ marginTop: 10 }}>
      <div style={{ position: 'relative', height: 8, background: '#f0f0f0', borderRadius: 4 }}>
        <div
          style={{ width: `${pct}%`, height: '100%', background: rateColor(rate), borderRadius: 4 }}
          data-testid="today-rate-bar"
        />
        <Tooltip title={t('monitoring.rate.target')}>
          <div
            style={{
              position: 'absolute',
              left: target,
              top: -4,
              bottom: -4,
              width: 2,
              background: RATE_COLORS.below,
            }}
          />
        </Tooltip>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monitoring.overview.target', { pct: target })}
      </Typography.Text>
    </div>
  );
}

function Cards({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const rate = data.today.transmissionValidityRate;
  const counts = [
    { key: 'monitors', value: data.monitors, color: undefined, link: '/monitoring/monitors' },
    { key: 'online', value: data.online, color: RATE_COLORS.ok, link: '/monitoring/monitors?online=true' },
    {
      key: 'offline',
      value: data.offline,
      color: RATE_COLORS.below,
      link: '/monitoring/monitors?online=false',
    },
    { key: 'neverSeen', value: data.neverSeen, color: RATE_COLORS.none, link: undefined },
  ];
  return (
    <Row gutter={[16, 16]}>
      {counts.map((c) => (
        <Col xs={12} md={8} xl={4} key={c.key}>
          <Card style={{ height: '100%' }}>
            <div data-testid={`overview-${c.key}`}>
              <Statistic
                title={
                  c.link ? (
                    <Link to={c.link}>{t(`monitoring.overview.${c.key}`)}</Link>
                  ) : (
                    t(`monitoring.overview.${c.key}`)
                  )
                }
                value={c.value}
                valueStyle={c.color ? { color: c.color } : undefined}
              />
            </div>
          </Card>
        </Col>
      ))}
      <Col xs={24} md={16} xl={8}>
        <Card style={{ height: '100%' }}>
          <div data-testid="overview-today-rate" data-below={belowTarget(rate)}>
            <Statistic
              title={
                <Space size={4}>
                  {t('monitoring.overview.todayRate')}
                  <Typography.Text type="secondary">{data.today.day}</Typography.Text>
                </Space>
              }
              value={formatRate(rate)}
              valueStyle={{ color: rateColor(rate) }}
            />
          </div>
          <TargetBar rate={rate} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {data.today.expected === 0 ? t('monitoring.rate.notComputed') : data.today.formula}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}

function DistrictTable({ rows }: { rows: DistrictStatus[] }) {
  const { t } = useTranslation();
  return (
    <Table<DistrictStatus>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('monitoring.overview.district'),
          dataIndex: 'name',
          render: (name: string, d) => <Link to={`/monitoring/monitors?regionCode=${d.code}`}>{name}</Link>,
        },
        { title: t('monitoring.overview.monitors'), dataIndex: 'monitors', align: 'right' },
        {
          title: t('monitoring.common.online'),
          dataIndex: 'online',
          align: 'right',
          render: (v: number) => <span style={{ color: RATE_COLORS.ok }}>{v}</span>,
        },
        {
          title: t('monitoring.common.offline'),
          dataIndex: 'offline',
          align: 'right',
          render: (v: number) => <span style={{ color: v > 0 ? RATE_COLORS.below : undefined }}>{v}</span>,
        },
        {
          title: t('monitoring.overview.todayRate'),
          align: 'right',
          render: (_, d) => <RateText rate={d.today} />,
        },
      ]}
    />
  );
}

function InvalidHours({ rows }: { rows: InvalidHour[] }) {
  const { t } = useTranslation();
  const { name } = usePollutants();
  return (
    <Table<InvalidHour>
      rowKey={(r) => `${r.monitorId}|${r.pollutant}|${r.hour}`}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty description={t('monitoring.overview.noInvalid')} /> }}
      columns={[
        {
          title: t('monitoring.overview.hour'),
          dataIndex: 'hour',
          width: 150,
          render: (v: string) => formatDateTime(v),
        },
        { title: t('monitoring.common.enterprise'), dataIndex: 'enterpriseName' },
        {
          title: t('monitoring.common.outlet'),
          dataIndex: 'outletName',
          render: (v: string, r) => (
            <Link
              to={`/monitoring/outlets/${r.outletId}?pollutant=${r.pollutant}`}
              data-testid="invalid-outlet-link"
            >
              {v}
            </Link>
          ),
        },
        {
          title: t('monitoring.common.pollutant'),
          dataIndex: 'pollutant',
          render: (code: string, r) => {
            const n = name(code);
            return n === code && r.pollutantName ? r.pollutantName : n;
          },
        },
        {
          title: t('monitoring.common.reason'),
          dataIndex: 'reason',
          render: (v: string | null) => labelOr(t, reasonKey(v), v),
        },
        {
          title: t('monitoring.common.flag'),
          dataIndex: 'flag',
          render: (v: string | null) => <FlagTag flag={v} />,
        },
      ]}
    />
  );
}

/** 监控总览: online/offline counts, today's rate against 90 %, districts, latest invalid hours. */
export default function MonitoringOverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const regionCode = params.get('regionCode') ?? undefined;
  const districts = useDistrictOptions();
  const { data, error, reload } = useApi((signal) => getOverview({ regionCode }, signal), [regionCode]);
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const option = useMemo(
    () =>
      data &&
      districtChartOption(data.districts, {
        rate: t('monitoring.rate.transmissionValidity'),
        target: t('monitoring.rate.target'),
        online: t('monitoring.common.online'),
        offline: t('monitoring.common.offline'),
        notComputed: t('monitoring.rate.notComputed'),
      }),
    [data, t],
  );

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="monitoring-overview">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('monitoring.overview.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('monitoring.overview.asOf', { time: formatDateTime(data.asOf) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('monitoring.overview.onlineHint', { minutes: data.onlineWindowMinutes })}
          </Typography.Text>
        </Space>
        <Space>
          {districts && (
            <Select
              allowClear
              placeholder={t('monitoring.common.district')}
              style={{ width: 160 }}
              value={regionCode}
              options={districts}
              onChange={(value: string | undefined) => setParams(value ? { regionCode: value } : {})}
              data-testid="overview-region"
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={reload} />
        </Space>
      </Space>
      <Cards data={data} />
      <Card
        title={t('monitoring.overview.byDistrict')}
        extra={<Link to="/monitoring/rates">{t('monitoring.overview.viewRates')}</Link>}
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={13}>
            <Typography.Text type="secondary">{t('monitoring.overview.chartTitle')}</Typography.Text>
            {option && <Chart option={option} height={300} testId="chart-district-rates" />}
          </Col>
          <Col xs={24} xl={11}>
            <div data-testid="district-table">
              <DistrictTable rows={data.districts} />
            </div>
          </Col>
        </Row>
      </Card>
      <Card title={t('monitoring.overview.latestInvalid')}>
        <div data-testid="invalid-hours">
          <InvalidHours rows={data.latestInvalidHours} />
        </div>
      </Card>
    </Space>
  );
}
