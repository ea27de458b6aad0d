import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  ALARM_KINDS,
  ALARM_STATE_FILTERS,
  type Alarm,
  ANOMALY_RULES,
  getAlarmStats,
  listAlarms,
} from '../../api/alarms';
import { useUser } from '../../auth/auth-context';
import { Chart } from '../../components/charts/Chart';
import { useDictionaries } from '../../components/DictionaryProvider';
import { ErrorState } from '../../components/ErrorState';
import { useInbox } from '../../components/Inbox';
import { usePagedTable } from '../../components/list-table';
import { dayjs, formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { EnterpriseMap } from '../dashboard/EnterpriseMap';
import { useDistrictOptions } from '../monitoring/parts';
import {
  type AlarmFilter,
  type AlarmQuery,
  alarmApiQuery,
  alarmSearchParams,
  parseAlarmQuery,
  periodInstants,
  withAlarmFilters,
} from './alarm-query';
import { alarmMapPoints, districtBarsOption, type StateCard, stateCards } from './alarm-stats';
import { AlarmStateTag, AlarmWhat, DeadlineText, PeakText, PeriodText, useNow } from './parts';

const CARD_COLORS: Partial<Record<StateCard['key'], string>> = {
  dispatched: '#cf1322',
  overdue: '#cf1322',
  escalated: '#c41d7f',
  closed: '#389e0d',
};

/**
 * 报警中心 (我的报警 for an enterprise, whose alarms the server keeps to its own): counts by state,
 * filters kept in the URL, the alarm table with each sheet's deadline, and for the bureaus a map of
 * the alarm enterprises and the counts by district.
 */
export default function AlarmCentrePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const own = user.role === 'enterprise';
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseAlarmQuery(params), [params]);
  const key = alarmSearchParams(query).toString();
  const f = query.filters;
  const now = useNow();
  // A pushed notification (a sheet dispatched or moved on) refreshes the counts and the list.
  const { tick } = useInbox().state;
  const { data, error, loading, reload } = useApi(
    (signal) => listAlarms(alarmApiQuery(query), signal),
    [key, tick],
  );
  const period = periodInstants(f.from, f.to);
  const stats = useApi((signal) => getAlarmStats(period, signal), [period.from, period.to, tick]);
  // The map shows the enterprises of the filtered alarms, not only those of the table's page.
  const mapQuery = { ...alarmApiQuery(query), page: 1, pageSize: 200 };
  const map = useApi(
    (signal) => (own ? Promise.resolve(undefined) : listAlarms(mapQuery, signal)),
    [key, own],
  );
  const districts = useDistrictOptions();
  const { options } = useDictionaries();
  const go = (next: AlarmQuery) => setParams(alarmSearchParams(next));
  const onFilter = (patch: Partial<Record<AlarmFilter, string | undefined>>) =>
    go(withAlarmFilters(query, patch));
  const filtered = Object.keys(f).length > 0;
  const pagedTable = usePagedTable<Alarm, AlarmQuery>({
    query,
    total: data?.total,
    go,
    filtered,
    emptyText: t('alarms.centre.empty'),
    emptyFilteredText: t('alarms.centre.emptyFiltered'),
  });

  const cards = stats.data ? stateCards(stats.data) : [];
  const districtRows = stats.data?.byDistrict ?? [];
  const enterpriseName = f.enterpriseId
    ? (data?.items.find((a) => String(a.enterprise.id) === f.enterpriseId)?.enterprise.name ?? f.enterpriseId)
    : null;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]} data-testid="alarm-cards">
        {cards.map((c) => (
          <Col xs={12} md={6} xl={3} key={c.key}>
            <Card
              size="small"
              hoverable
              style={{
                height: '100%',
                borderColor: c.filter && f.state === c.filter ? '#1677ff' : undefined,
              }}
              onClick={() => onFilter({ state: c.filter && f.state !== c.filter ? c.filter : undefined })}
              data-testid={`alarm-card-${c.key}`}
            >
              <Statistic
                title={t(`alarms.card.${c.key}`)}
                value={c.count}
                valueStyle={{ color: c.count > 0 ? CARD_COLORS[c.key] : undefined, fontSize: 22 }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {stats.data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('alarms.centre.statsPeriod', {
            from: formatDateTime(stats.data.from),
            to: formatDateTime(stats.data.to),
          })}
        </Typography.Text>
      )}
      <Card>
        <Space align="baseline" style={{ display: 'flex', marginBottom: 16 }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="alarm-centre-title">
            {own ? t('alarms.centre.myTitle') : t('alarms.centre.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="alarm-count">
            {t('alarms.centre.count', { count: data?.total ?? 0 })}
          </Typography.Text>
        </Space>
        <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('alarms.filter.kind')}
            style={{ width: 130 }}
            value={f.kind}
            options={ALARM_KINDS.map((k) => ({ value: k, label: t(`alarms.kind.${k}`) }))}
            onChange={(value: string | undefined) => onFilter({ kind: value })}
            data-testid="filter-kind"
          />
          {f.kind !== 'exceedance' && (
            <Select
              allowClear
              placeholder={t('alarms.filter.rule')}
              style={{ width: 200 }}
              value={f.rule}
              popupMatchSelectWidth={false}
              options={ANOMALY_RULES.map((r) => ({ value: r, label: t(`alarms.rule.${r}`) }))}
              onChange={(value: string | undefined) =>
                onFilter({ rule: value, kind: value ? 'anomaly' : f.kind })
              }
              data-testid="filter-rule"
            />
          )}
          <Select
            allowClear
            placeholder={t('alarms.filter.state')}
            style={{ width: 140 }}
            value={f.state}
            options={ALARM_STATE_FILTERS.map((s) => ({ value: s, label: t(`alarms.state.${s}`) }))}
            onChange={(value: string | undefined) => onFilter({ state: value })}
            data-testid="filter-state"
          />
          {districts && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('alarms.filter.district')}
              style={{ width: 150 }}
              value={f.districtCode}
              options={districts}
              onChange={(value: string | undefined) => onFilter({ districtCode: value })}
              data-testid="filter-district"
            />
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('alarms.filter.pollutant')}
            style={{ width: 160 }}
            value={f.pollutant}
            popupMatchSelectWidth={false}
            options={options('pollutants')}
            onChange={(value: string | undefined) => onFilter({ pollutant: value })}
            data-testid="filter-pollutant"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
            onChange={(range) =>
              onFilter({
                from: range?.[0]?.format('YYYY-MM-DD'),
                to: range?.[1]?.format('YYYY-MM-DD'),
              })
            }
            data-testid="filter-period"
          />
          {enterpriseName && (
            <Tag closable onClose={() => onFilter({ enterpriseId: undefined })}>
              {t('alarms.centre.enterpriseFilter', { name: enterpriseName })}
            </Tag>
          )}
        </Space>
        {error !== undefined && <ErrorState error={error} onRetry={reload} />}
        <Table<Alarm>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          onRow={(a) =>
            ({
              'data-testid': 'alarm-row',
              'data-id': a.id,
              style: { cursor: 'pointer' },
              onClick: (e: MouseEvent) => {
                if ((e.target as HTMLElement).closest('a')) return;
                navigate(`/alarms/${a.id}`);
              },
            }) as HTMLAttributes<HTMLTableRowElement>
          }
          {...pagedTable}
          columns={[
            {
              title: t('alarms.column.number'),
              key: 'number',
              width: 200,
              render: (_, a) => (
                <Link to={`/alarms/${a.id}`} data-testid="alarm-link">
                  {a.sheet?.number ?? `#${a.id}`}
                </Link>
              ),
            },
            {
              title: own ? t('alarms.column.outlet') : t('alarms.column.enterpriseOutlet'),
              key: 'enterprise',
              render: (_, a) => (
                <div style={{ lineHeight: 1.35 }}>
                  {!own && (
                    <div>
                      <Link to={`/enterprises/${a.enterprise.id}`}>{a.enterprise.name}</Link>
                    </div>
                  )}
                  <Link to={`/monitoring/outlets/${a.outlet.id}`} style={own ? undefined : { fontSize: 12 }}>
                    {a.outlet.code} {a.outlet.name}
                  </Link>
                </div>
              ),
            },
            {
              title: t('alarms.column.what'),
              key: 'what',
              width: 170,
              render: (_, a) => <AlarmWhat alarm={a} />,
            },
            {
              title: t('alarms.column.period'),
              key: 'period',
              width: 160,
              render: (_, a) => <PeriodText from={a.startedAt} to={a.endedAt} />,
            },
            {
              title: t('alarms.column.peak'),
              key: 'peak',
              width: 130,
              align: 'right',
              render: (_, a) => <PeakText alarm={a} />,
            },
            {
              title: t('alarms.column.state'),
              key: 'state',
              width: 120,
              render: (_, a) => <AlarmStateTag alarm={a} />,
            },
            {
              title: t('alarms.column.deadline'),
              key: 'deadline',
              width: 160,
              render: (_, a) => <DeadlineText sheet={a.sheet} now={now} />,
            },
          ]}
        />
      </Card>
      {!own && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              title={t('alarms.centre.map')}
              extra={<Typography.Text type="secondary">{t('alarms.centre.mapHint')}</Typography.Text>}
            >
              <EnterpriseMap
                summary={{
                  points: alarmMapPoints(map.data?.items ?? []),
                  byDistrict: districtRows.map((d) => ({
                    code: d.districtCode,
                    name: d.districtName,
                    count: d.alarms,
                  })),
                }}
                testId="alarm-map"
                emptyText={t('alarms.centre.empty')}
                onSelect={(id) => onFilter({ enterpriseId: String(id) })}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('alarms.centre.byDistrict')}>
              <Chart
                height={480}
                testId="alarm-district-chart"
                option={districtBarsOption(districtRows, {
                  alarms: t('alarms.centre.alarms'),
                  sheets: t('alarms.centre.sheets'),
                })}
                onClick={(e) => {
                  const row = districtRows[e.dataIndex ?? -1];
                  if (row) onFilter({ districtCode: row.districtCode });
                }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
