import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, DatePicker, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  listRecords,
  type MonitoringRecord,
  RECORD_KINDS,
  type RecordKind,
  rawArchiveUrl,
} from '../../api/monitoring';
import { ErrorState } from '../../components/ErrorState';
import { dayjs, formatDateTimeSeconds } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { FlagTag, usePollutants } from './parts';
import { RawFrameModal } from './RawFrameModal';
import { formatValue } from './rate-format';
import { recordCell, recordCodes } from './records';
import { parseRange } from './time-range';

const PAGE_SIZE = 20;

interface Props {
  outletId: number;
  pollutants: string[];
  monitors: { id: number; mn: string }[];
}

/** 数据记录: the records as the units sent them, each with its raw packet. */
export function RecordsTab({ outletId, pollutants, monitors }: Props) {
  const { t } = useTranslation();
  const { name, unit } = usePollutants();
  const [params, setParams] = useSearchParams();
  const kind: RecordKind = RECORD_KINDS.find((k) => k === params.get('kind')) ?? 'min';
  const range = parseRange(params.get('rfrom'), params.get('rto'));
  const [page, setPage] = useState(1);
  const [frameId, setFrameId] = useState<number | null>(null);
  const period = range ? { from: range.from, to: range.to } : {};

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setPage(1);
    setParams(next, { replace: true });
  };

  const { data, error, loading, reload } = useApi(
    (signal) => listRecords(outletId, { kind, page, pageSize: PAGE_SIZE, ...period }, signal),
    [outletId, kind, page, range?.from, range?.to],
  );
  const items = data?.items ?? [];
  const codes = useMemo(() => recordCodes(items, pollutants), [items, pollutants]);
  const several = monitors.length > 1;

  const columns: ColumnsType<MonitoringRecord> = [
    {
      title: t('monitoring.records.dataTime'),
      dataIndex: 'dataTime',
      fixed: 'left',
      width: 160,
      render: (v: string) => formatDateTimeSeconds(v),
    },
    ...(several ? [{ title: t('monitoring.common.mn'), dataIndex: 'mn', width: 220 }] : []),
    ...codes.map((code) => ({
      key: code,
      title: (
        <Tooltip title={code}>
          <div style={{ lineHeight: 1.2 }}>
            {name(code)}
            {unit(code) && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
                  {unit(code)}
                </Typography.Text>
              </div>
            )}
          </div>
        </Tooltip>
      ),
      width: 110,
      render: (_: unknown, r: MonitoringRecord) => {
        const cell = recordCell(r, code);
        if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <div style={{ lineHeight: 1.3 }}>
            <span>{formatValue(cell.value)}</span>
            {cell.flag && cell.flag !== 'N' && (
              <span style={{ marginLeft: 4 }}>
                <FlagTag flag={cell.flag} />
              </span>
            )}
            {cell.zs !== null && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                  {t('monitoring.records.zs', { value: formatValue(cell.zs) })}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    })),
    {
      title: t('monitoring.records.receivedAt'),
      dataIndex: 'receivedAt',
      width: 160,
      render: (v: string) => formatDateTimeSeconds(v),
    },
    { title: t('monitoring.records.resend'), dataIndex: 'resendCount', width: 80, align: 'right' },
    {
      title: t('monitoring.records.raw'),
      fixed: 'right',
      width: 100,
      render: (_, r) =>
        r.rawFrameId !== null ? (
          <Button
            size="small"
            icon={<FileTextOutlined />}
            onClick={() => setFrameId(r.rawFrameId)}
            data-testid="raw-button"
          >
            {t('monitoring.records.raw')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div data-testid="records-tab">
      <Space
        wrap
        size={[12, 12]}
        style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}
      >
        <Space wrap size={[12, 12]}>
          <Segmented<RecordKind>
            value={kind}
            options={RECORD_KINDS.map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) }))}
            onChange={(value) => update({ kind: value === 'min' ? undefined : value })}
            data-testid="records-kind"
          />
          <DatePicker.RangePicker
            value={range ? [dayjs(range.from), dayjs(range.to)] : null}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            onChange={(values) => {
              const [from, to] = values ?? [];
              update(
                from && to
                  ? { rfrom: from.format('YYYY-MM-DD'), rto: to.format('YYYY-MM-DD') }
                  : { rfrom: undefined, rto: undefined },
              );
            }}
          />
          {!range && (
            <Typography.Text type="secondary">{t('monitoring.records.defaultRange')}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          {monitors.map((m) => (
            <Button
              key={m.id}
              icon={<DownloadOutlined />}
              href={rawArchiveUrl(m.id, { ...period, format: 'txt' })}
              data-testid="raw-download"
            >
              {t('monitoring.records.download')}
              {several ? ` ${m.mn.slice(-8)}` : ''}
            </Button>
          ))}
        </Space>
      </Space>
      {error !== undefined && <ErrorState error={error} onRetry={reload} />}
      <Table<MonitoringRecord>
        rowKey={(r) => `${r.monitorId}|${r.kind}|${r.dataTime}|${r.rawFrameId}`}
        size="small"
        loading={loading}
        dataSource={items}
        columns={columns}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'record-row' }) as HTMLAttributes<HTMLTableRowElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
      <RawFrameModal frameId={frameId} onClose={() => setFrameId(null)} />
    </div>
  );
}
