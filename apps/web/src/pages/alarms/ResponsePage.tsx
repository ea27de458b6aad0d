import { Card, DatePicker, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { getAlarmStats } from '../../api/alarms';
import { Chart } from '../../components/charts/Chart';
import { ErrorState } from '../../components/ErrorState';
import { dayjs } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { RATE_COLORS } from '../monitoring/rate-format';
import { lastDaysPeriod, parseAlarmQuery, periodInstants } from './alarm-query';
import { formatPercent, type ResponseRow, responseChartOption, responseRows } from './alarm-stats';

/** Below this on-time rate a district shows in red. */
const RATE_WARN = 0.9;

/** 响应考核: per district, how the 24-hour responses went in a period (sheets detected in it). */
export default function ResponsePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const f = parseAlarmQuery(params).filters;
  const fallback = useMemo(() => lastDaysPeriod(30, new Date()), []);
  const from = f.from ?? fallback.from;
  const to = f.to ?? fallback.to;
  const { data, error, loading, reload } = useApi(
    (signal) => getAlarmStats(periodInstants(from, to), signal),
    [from, to],
  );
  const { rows, total } = useMemo(() => responseRows(data ?? { byDistrict: [] }), [data]);
  const listLink = (districtCode: string, state?: string) =>
    `/alarms?${new URLSearchParams({ ...(districtCode ? { districtCode } : {}), ...(state ? { state } : {}), from, to })}`;
  const count = (state?: string) => (value: number, r: ResponseRow) =>
    value > 0 ? <Link to={listLink(r.districtCode, state)}>{value}</Link> : value;

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space
          align="baseline"
          wrap
          style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}
        >
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('alarms.response.title')}
          </Typography.Title>
          <Space>
            <span>{t('alarms.response.period')}</span>
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(range) => {
                if (!range?.[0] || !range[1]) return;
                setParams({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
              }}
              data-testid="response-period"
            />
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('alarms.response.hint')}
        </Typography.Paragraph>
        <Table<ResponseRow>
          rowKey={(r) => r.districtCode || 'total'}
          size="middle"
          loading={loading}
          pagination={false}
          dataSource={rows}
          data-testid="response-table"
          summary={() =>
            rows.length > 0 ? (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>{t('alarms.response.total')}</Table.Summary.Cell>
                {(['alarms', 'sheets', 'onTime', 'late', 'pending', 'overdue', 'escalated'] as const).map(
                  (k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      {total[k]}
                    </Table.Summary.Cell>
                  ),
                )}
                <Table.Summary.Cell index={8} align="right">
                  {formatPercent(total.rate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { title: t('alarms.response.district'), dataIndex: 'districtName' },
            { title: t('alarms.response.alarms'), dataIndex: 'alarms', align: 'right', render: count() },
            { title: t('alarms.response.sheets'), dataIndex: 'sheets', align: 'right' },
            { title: t('alarms.response.onTime'), dataIndex: 'onTime', align: 'right' },
            { title: t('alarms.response.late'), dataIndex: 'late', align: 'right' },
            { title: t('alarms.response.pending'), dataIndex: 'pending', align: 'right' },
            {
              title: t('alarms.response.overdue'),
              dataIndex: 'overdue',
              align: 'right',
              render: count('overdue'),
            },
            {
              title: t('alarms.response.escalated'),
              dataIndex: 'escalated',
              align: 'right',
              render: count('escalated'),
            },
            {
              title: t('alarms.response.rate'),
              dataIndex: 'rate',
              align: 'right',
              render: (rate: number | null) => (
                <Typography.Text
                  strong
                  style={{
                    color:
                      rate === null
                        ? RATE_COLORS.none
                        : rate < RATE_WARN
                          ? RATE_COLORS.below
                          : RATE_COLORS.ok,
                  }}
                  data-testid="response-rate"
                >
                  {formatPercent(rate)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('alarms.response.chart')}>
        <Chart
          height={380}
          testId="response-chart"
          option={responseChartOption(rows, {
            onTime: t('alarms.response.onTime'),
            late: t('alarms.response.late'),
            pending: t('alarms.response.pending'),
            overdue: t('alarms.response.overdue'),
            rate: t('alarms.response.rate'),
          })}
        />
      </Card>
    </Space>
  );
}
