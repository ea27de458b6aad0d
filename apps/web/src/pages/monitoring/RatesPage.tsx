import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { getRates, RATE_GROUPS, type RateRow, type RatesGroupBy, ratesExportUrl } from '../../api/monitoring';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, formatDate, formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { RateText, useDistrictOptions } from './parts';
import { compareRates, filterRows, rowBelow, rowLink } from './rates-table';
import { currentMonth, isMonth } from './time-range';

const RATE_FIELDS = ['transmissionRate', 'validityRate', 'transmissionValidityRate'] as const;
const RATE_TITLES = {
  transmissionRate: 'transmission',
  validityRate: 'validity',
  transmissionValidityRate: 'transmissionValidity',
};
const COUNT_FIELDS = ['expected', 'received', 'valid'] as const;

/** 传输有效率: a month's counts and rates by district, enterprise or monitor, with the total and Excel. */
export default function RatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = isMonth(params.get('month')) ? params.get('month')! : currentMonth(new Date());
  const groupBy: RatesGroupBy = RATE_GROUPS.find((g) => g === params.get('groupBy')) ?? 'region';
  const regionCode = params.get('regionCode') ?? undefined;
  const [onlyBelow, setOnlyBelow] = useState(false);
  const [q, setQ] = useState('');
  const districts = useDistrictOptions();
  const query = { month, groupBy, regionCode };
  const { data, error, loading, reload } = useApi(
    (signal) => getRates(query, signal),
    [month, groupBy, regionCode],
  );
  const rows = useMemo(() => filterRows(data?.rows ?? [], onlyBelow, q), [data, onlyBelow, q]);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const nameTitle = t(`monitoring.rates.${groupBy}`);
  const columns: ColumnsType<RateRow> = [
    {
      title: nameTitle,
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, r) => {
        const link = rowLink(r);
        return (
          <div style={{ lineHeight: 1.3 }}>
            {link ? <Link to={link}>{groupBy === 'monitor' ? (r.outletName ?? name) : name}</Link> : name}
            {groupBy === 'monitor' && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.enterpriseName}
                  {r.mn ? ` · ${r.mn}` : ''}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    ...(groupBy !== 'region'
      ? [
          {
            title: t('monitoring.common.district'),
            dataIndex: 'regionName',
            width: 100,
            render: (v: string | null) => v ?? '—',
          },
        ]
      : []),
    ...(groupBy !== 'monitor'
      ? [
          {
            title: t('monitoring.rates.monitors'),
            dataIndex: 'monitors',
            width: 90,
            align: 'right' as const,
            sorter: (a: RateRow, b: RateRow) => a.monitors - b.monitors,
          },
        ]
      : []),
    ...COUNT_FIELDS.map((field) => ({
      title: t(`monitoring.rate.${field}`),
      dataIndex: field,
      width: 90,
      align: 'right' as const,
      sorter: (a: RateRow, b: RateRow) => a[field] - b[field],
    })),
    ...RATE_FIELDS.map((field) => ({
      title: t(`monitoring.rate.${RATE_TITLES[field]}`),
      key: field,
      width: 120,
      align: 'right' as const,
      sorter: (a: RateRow, b: RateRow) => compareRates(a[field], b[field]),
      render: (_: unknown, r: RateRow) => (
        <RateText rate={r} value={r[field]} strong={field === 'transmissionValidityRate'} />
      ),
    })),
  ];

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Space align="baseline" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('monitoring.rates.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {t('monitoring.rates.asOf', {
                from: formatDate(data.from),
                to: formatDate(dayjs(data.to).subtract(1, 'day').format('YYYY-MM-DD')),
                time: formatDateTime(data.asOf),
              })}
            </Typography.Text>
          )}
        </Space>
        <Button icon={<DownloadOutlined />} href={ratesExportUrl(query)} data-testid="rates-export">
          {t('monitoring.rates.export')}
        </Button>
      </Space>
      <Space wrap size={[12, 12]} style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
          onChange={(d) => d && update({ month: d.format('YYYY-MM') })}
          data-testid="rates-month"
        />
        <Segmented<RatesGroupBy>
          value={groupBy}
          options={RATE_GROUPS.map((g) => ({ value: g, label: t(`monitoring.rates.${g}`) }))}
          onChange={(value) => update({ groupBy: value === 'region' ? undefined : value })}
          data-testid="rates-group"
        />
        {districts && (
          <Select
            allowClear
            placeholder={t('monitoring.common.district')}
            style={{ width: 150 }}
            value={regionCode}
            options={districts}
            onChange={(value: string | undefined) => update({ regionCode: value })}
          />
        )}
        <Input
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('monitoring.rates.searchPlaceholder')}
          style={{ width: 240 }}
          data-testid="rates-search"
        />
        <Checkbox
          checked={onlyBelow}
          onChange={(e) => setOnlyBelow(e.target.checked)}
          data-testid="rates-only-below"
        >
          {t('monitoring.rates.onlyBelow')}
        </Checkbox>
      </Space>
      <Alert
        type="info"
        showIcon
        message={t('monitoring.rate.formula')}
        style={{ marginBottom: 12 }}
        data-testid="rates-formula"
      />
      {error !== undefined && <ErrorState error={error} onRetry={reload} />}
      <Table<RateRow>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        rowClassName={(r) => (rowBelow(r) ? 'rate-row-below' : '')}
        onRow={(r) =>
          ({
            'data-testid': 'rate-row',
            'data-below': rowBelow(r),
            style: rowBelow(r) ? { background: '#fff1f0' } : undefined,
          }) as HTMLAttributes<HTMLTableRowElement>
        }
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 500],
          hideOnSinglePage: true,
          showTotal: (total) => t('monitoring.rates.rows', { count: total }),
        }}
        summary={() => {
          if (!data) return null;
          let index = 0;
          return (
            <Table.Summary>
              <Table.Summary.Row data-testid="rates-total" style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={index++}>{t('monitoring.rates.total')}</Table.Summary.Cell>
                {groupBy !== 'region' && <Table.Summary.Cell index={index++} />}
                {groupBy !== 'monitor' && (
                  <Table.Summary.Cell index={index++} align="right">
                    {data.total.monitors}
                  </Table.Summary.Cell>
                )}
                {COUNT_FIELDS.map((field) => (
                  <Table.Summary.Cell key={field} index={index++} align="right">
                    {data.total[field]}
                  </Table.Summary.Cell>
                ))}
                {RATE_FIELDS.map((field) => (
                  <Table.Summary.Cell key={field} index={index++} align="right">
                    <RateText rate={data.total} value={data.total[field]} strong />
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          );
        }}
      />
    </Card>
  );
}
