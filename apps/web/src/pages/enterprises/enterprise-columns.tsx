import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Enterprise } from '../../api/types';
import { ControlLevelTag, InactiveTag, StatusTag } from '../../components/tags';
import { formatDateTime } from '../../utils/time';
import { sortOrderOf } from './list-query';

/** Columns of the enterprise list; the sortable ones reflect `sort` from the URL. */
export function enterpriseColumns(
  t: TFunction,
  sort: string | undefined,
  label: (name: 'industries' | 'programmeIndustries', key: string | null) => string,
): TableColumnsType<Enterprise> {
  const sortable = (key: string) => ({
    sorter: true,
    sortOrder: sortOrderOf(sort, key),
    key,
    dataIndex: key,
  });
  return [
    {
      title: t('enterprise.name'),
      ...sortable('name'),
      render: (_, e) => (
        <>
          <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
            {e.name}
          </Link>{' '}
          <InactiveTag active={e.active} />
        </>
      ),
    },
    { title: t('enterprise.creditCode'), ...sortable('creditCode'), width: 190 },
    {
      title: t('enterprise.region'),
      ...sortable('regionCode'),
      width: 140,
      render: (_, e) => [e.regionName, e.townshipName].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('enterprise.industry'),
      ...sortable('industryCode'),
      render: (_, e) => e.industryName ?? label('industries', e.industryCode),
    },
    {
      title: t('enterprise.batch'),
      ...sortable('batch'),
      width: 90,
      render: (_, e) => (e.batch ? t('enterprise.batchN', { n: e.batch }) : '—'),
    },
    {
      title: t('enterprise.controlLevel'),
      ...sortable('controlLevel'),
      width: 110,
      render: (_, e) => <ControlLevelTag value={e.controlLevel} />,
    },
    {
      title: t('enterprise.status'),
      key: 'status',
      width: 100,
      render: (_, e) => <StatusTag value={e.status} />,
    },
    {
      title: t('enterprise.updatedAt'),
      ...sortable('updatedAt'),
      width: 160,
      render: (_, e) => formatDateTime(e.updatedAt),
    },
  ];
}
