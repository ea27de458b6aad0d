import { Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, type MouseEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listMonitorStatus, type MonitorStatus } from '../../api/monitoring';
import { OUTLET_KINDS } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { usePagedTable } from '../../components/list-table';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { sortOrderOf } from '../enterprises/list-query';
import {
  type MonitorFilter,
  type MonitorQuery,
  monitorApiQuery,
  monitorSearchParams,
  parseMonitorQuery,
  withMonitorFilters,
} from './monitor-query';
import { OnlineBadge, RateText, RelativeTime, useDistrictOptions } from './parts';

/** 监控点列表: every data unit in scope with its last data, online state and today's rate. */
export default function MonitorListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseMonitorQuery(params), [params]);
  const key = monitorSearchParams(query).toString();
  const { data, error, loading, reload } = useApi(
    (signal) => listMonitorStatus(monitorApiQuery(query), signal),
    [key],
  );
  const districts = useDistrictOptions();
  const f = query.filters;
  const [q, setQ] = useState(f.q ?? '');
  useEffect(() => setQ(f.q ?? ''), [f.q]);
  const go = (next: MonitorQuery) => setParams(monitorSearchParams(next));
  const onFilter = (patch: Partial<Record<MonitorFilter, string | undefined>>) =>
    go(withMonitorFilters(query, patch));
  const sortable = (field: string) => ({
    sorter: true,
    key: field,
    sortOrder: sortOrderOf(query.sort, field),
  });

  const filtered = Object.keys(f).length > 0;
  const pagedTable = usePagedTable<MonitorStatus, typeof query>({
    query,
    total: data?.total,
    go,
    filtered,
    emptyText: t('monitoring.monitors.empty'),
    emptyFilteredText: t('monitoring.monitors.emptyFiltered'),
  });

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Card>
      <Space align="baseline" style={{ display: 'flex', marginBottom: 16 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('monitoring.monitors.title')}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="monitor-count">
          {t('monitoring.monitors.count', { count: data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      <Space wrap size={[12, 12]} style={{ display: 'flex', marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onFilter({ q: value.trim() || undefined })}
          placeholder={t('monitoring.monitors.searchPlaceholder')}
          style={{ width: 280 }}
          enterButton
          data-testid="monitor-search"
        />
        {districts && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('monitoring.common.district')}
            style={{ width: 150 }}
            value={f.regionCode}
            options={districts}
            onChange={(value: string | undefined) => onFilter({ regionCode: value })}
            data-testid="filter-regionCode"
          />
        )}
        <Select
          allowClear
          placeholder={t('monitoring.common.kind')}
          style={{ width: 120 }}
          value={f.outletKind}
          options={OUTLET_KINDS.map((k) => ({ value: k, label: t(`outletKind.${k}`) }))}
          onChange={(value: string | undefined) => onFilter({ outletKind: value })}
          data-testid="filter-outletKind"
        />
        <Select
          allowClear
          placeholder={t('monitoring.monitors.onlineState')}
          style={{ width: 120 }}
          value={f.online}
          options={[
            { value: 'true', label: t('monitoring.common.online') },
            { value: 'false', label: t('monitoring.common.offline') },
          ]}
          onChange={(value: string | undefined) => onFilter({ online: value })}
          data-testid="filter-online"
        />
        {f.enterpriseId && (
          <Tag closable onClose={() => onFilter({ enterpriseId: undefined })}>
            {t('monitoring.common.enterprise')}：{data?.items[0]?.enterpriseName ?? f.enterpriseId}
          </Tag>
        )}
      </Space>
      {error !== undefined && <ErrorState error={error} onRetry={reload} />}
      <Table<MonitorStatus>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(m) =>
          ({
            'data-testid': 'monitor-row',
            'data-mn': m.mn,
            style: { cursor: 'pointer' },
            onClick: (e: MouseEvent) => {
              // Links in the row keep their own target.
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(`/monitoring/outlets/${m.outletId}`);
            },
          }) as HTMLAttributes<HTMLTableRowElement>
        }
        {...pagedTable}
        columns={[
          {
            title: t('monitoring.common.mn'),
            dataIndex: 'mn',
            width: 230,
            ...sortable('mn'),
            render: (mn: string) => (
              <Typography.Text code style={{ fontSize: 12 }}>
                {mn}
              </Typography.Text>
            ),
          },
          {
            title: t('monitoring.common.enterprise'),
            dataIndex: 'enterpriseName',
            ...sortable('enterpriseName'),
            render: (name: string, m) => (
              <div style={{ lineHeight: 1.3 }}>
                <Link to={`/enterprises/${m.enterpriseId}`}>{name}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.regionName ?? m.regionCode}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('monitoring.common.outlet'),
            dataIndex: 'outletName',
            ...sortable('outletName'),
            render: (name: string, m) => (
              <Link to={`/monitoring/outlets/${m.outletId}`} data-testid="monitor-outlet-link">
                {m.outletCode} {name}
              </Link>
            ),
          },
          {
            title: t('monitoring.common.kind'),
            dataIndex: 'outletKind',
            width: 80,
            render: (k: string) => (
              <Tag color={k === 'air' ? 'geekblue' : 'cyan'}>{t(`outletKind.${k}`)}</Tag>
            ),
          },
          {
            title: t('monitoring.monitors.lastSeen'),
            dataIndex: 'lastSeenAt',
            width: 170,
            ...sortable('lastSeenAt'),
            render: (v: string | null, m) => (
              <Tooltip
                title={
                  m.lastDataAt || m.firstDataAt || m.lastPeer ? (
                    <>
                      {m.lastDataAt && (
                        <div>{t('monitoring.monitors.lastData', { time: formatDateTime(m.lastDataAt) })}</div>
                      )}
                      {m.firstDataAt && (
                        <div>
                          {t('monitoring.monitors.firstData', { time: formatDateTime(m.firstDataAt) })}
                        </div>
                      )}
                      {m.lastPeer && <div>{t('monitoring.monitors.peer', { peer: m.lastPeer })}</div>}
                    </>
                  ) : undefined
                }
              >
                <span>
                  <RelativeTime iso={v} />
                </span>
              </Tooltip>
            ),
          },
          {
            title: t('monitoring.monitors.onlineState'),
            dataIndex: 'online',
            width: 100,
            render: (online: boolean, m) => <OnlineBadge online={online} lastSeenAt={m.lastSeenAt} />,
          },
          {
            title: t('monitoring.monitors.todayRate'),
            width: 130,
            align: 'right',
            render: (_, m) => <RateText rate={m.today} />,
          },
        ]}
      />
    </Card>
  );
}
