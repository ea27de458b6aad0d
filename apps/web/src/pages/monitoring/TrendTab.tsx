import { InfoCircleOutlined } from '@ant-design/icons';
import {
  DatePicker,
  Empty,
  InputNumber,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { getSeries, type SeriesPeriod } from '../../api/monitoring';
import { Chart } from '../../components/charts/Chart';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { flagKey, labelOr, reasonKey } from './flags';
import { usePollutants } from './parts';
import { defaultPollutant } from './pollutants';
import { isMarkedInvalid, seriesChartOption } from './series-chart';
import { defaultRange, parseRange } from './time-range';

/** 趋势图: hourly or daily values of one pollutant, invalid periods and unit disagreement marked. */
export function TrendTab({ outletId, pollutants }: { outletId: number; pollutants: string[] }) {
  const { t } = useTranslation();
  const { name, unit } = usePollutants();
  const [params, setParams] = useSearchParams();
  const period: SeriesPeriod = params.get('period') === 'day' ? 'day' : 'hour';
  const pollutant = defaultPollutant(pollutants, params.get('pollutant'));
  const range = parseRange(params.get('from'), params.get('to')) ?? defaultRange(period, new Date());
  const [limit, setLimit] = useState<number | null>(null);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const { data, error, loading, reload } = useApi(
    (signal) =>
      pollutant
        ? getSeries(outletId, { pollutant, period, from: range.from, to: range.to }, signal)
        : Promise.resolve(undefined),
    [outletId, pollutant, period, range.from, range.to],
  );

  const option = useMemo(
    () =>
      data &&
      seriesChartOption(
        data,
        {
          avg: t('monitoring.series.avg'),
          zsAvg: t('monitoring.series.zsAvg'),
          invalid: t('monitoring.series.invalid'),
          disagree: t('monitoring.series.disagree'),
          unitValue: t('monitoring.series.unitValue'),
          limit: t('monitoring.series.limit'),
          valid: t('monitoring.series.valid'),
          incomplete: t('monitoring.series.incomplete'),
          flagTitle: t('monitoring.common.flag'),
          reason: (code) => labelOr(t, reasonKey(code), code),
          flag: (code) => (code ? `${code} ${labelOr(t, flagKey(code), '')}`.trim() : '—'),
          time: (iso) => (data.period === 'day' ? formatDateTime(iso).slice(0, 10) : formatDateTime(iso)),
        },
        limit,
      ),
    [data, t, limit],
  );

  const invalid = data?.points.filter(isMarkedInvalid).length ?? 0;
  const disagree = data?.points.filter((p) => p.disagrees).length ?? 0;
  const shownUnit = data?.pollutant.unit ?? (pollutant ? unit(pollutant) : null);

  return (
    <div data-testid="trend-tab">
      <Space wrap size={[12, 12]} style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 240 }}
          value={pollutant}
          showSearch
          optionFilterProp="label"
          placeholder={t('monitoring.common.pollutant')}
          options={pollutants.map((code) => ({ value: code, label: `${name(code)}（${code}）` }))}
          onChange={(value: string) => update({ pollutant: value })}
          data-testid="trend-pollutant"
        />
        <Segmented<SeriesPeriod>
          value={period}
          options={[
            { value: 'hour', label: t('monitoring.series.hour') },
            { value: 'day', label: t('monitoring.series.day') },
          ]}
          // A period keeps its own default range: a week of hours, two months of days.
          onChange={(value) =>
            update({ period: value === 'hour' ? undefined : value, from: undefined, to: undefined })
          }
          data-testid="trend-period"
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
          onChange={(values) => {
            const [from, to] = values ?? [];
            if (from && to) update({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
        <Space size={4}>
          <InputNumber<number>
            style={{ width: 180 }}
            min={0}
            value={limit}
            onChange={(value) => setLimit(typeof value === 'number' ? value : null)}
            addonBefore={t('monitoring.series.limit')}
            placeholder={t('monitoring.series.limitPlaceholder')}
            data-testid="trend-limit"
          />
          <Tooltip title={t('monitoring.series.limitHint')}>
            <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Space>
      </Space>
      {error !== undefined ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Spin spinning={loading}>
          {data && data.points.length > 0 && option ? (
            <>
              <Space size={12} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong>
                  {pollutant && name(pollutant) !== pollutant ? name(pollutant) : data.pollutant.name}
                </Typography.Text>
                {shownUnit && (
                  <Typography.Text type="secondary">
                    {t('monitoring.series.unit', { unit: shownUnit })}
                  </Typography.Text>
                )}
                {invalid > 0 && (
                  <Tag color="red" data-testid="trend-invalid-count">
                    {t('monitoring.series.invalid')} {invalid}
                  </Tag>
                )}
                {disagree > 0 && (
                  <Tag color="orange">
                    {t('monitoring.series.disagree')} {disagree}
                  </Tag>
                )}
              </Space>
              <Chart option={option} height={380} testId="trend-chart" />
              {limit !== null && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {t('monitoring.series.limitHint')}
                </Typography.Paragraph>
              )}
            </>
          ) : (
            <Empty
              description={loading ? t('common.loading') : t('monitoring.series.noData')}
              style={{ padding: 48 }}
            />
          )}
        </Spin>
      )}
    </div>
  );
}
