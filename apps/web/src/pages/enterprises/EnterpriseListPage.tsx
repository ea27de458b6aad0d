import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { exportUrl, listEnterprises } from '../../api/enterprises';
import type { Enterprise } from '../../api/types';
import { useUser } from '../../auth/auth-context';
import { canCreateEnterprise, canImport } from '../../auth/menu';
import { useDictionaries } from '../../components/DictionaryProvider';
import { ErrorState } from '../../components/ErrorState';
import { usePagedTable } from '../../components/list-table';
import { useApi } from '../../utils/use-api';
import { EnterpriseFilters } from './EnterpriseFilters';
import { EnterpriseFormModal } from './EnterpriseFormModal';
import { enterpriseColumns } from './enterprise-columns';
import {
  apiQuery,
  exportQuery,
  type FilterKey,
  hasFilters,
  type ListQuery,
  parseListQuery,
  toSearchParams,
  withFilters,
} from './list-query';

export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const { label } = useDictionaries();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseListQuery(params), [params]);
  const key = toSearchParams(query).toString();
  const { data, error, loading, reload } = useApi(
    (signal) => listEnterprises(apiQuery(query), signal),
    [key],
  );
  const [creating, setCreating] = useState(false);

  const go = (next: ListQuery) => setParams(toSearchParams(next));
  const onFilters = (patch: Partial<Record<FilterKey, string | undefined>>) => go(withFilters(query, patch));
  const columns = useMemo(() => enterpriseColumns(t, query.sort, label), [t, query.sort, label]);

  const filtered = hasFilters(query);
  const pagedTable = usePagedTable<Enterprise, typeof query>({
    query,
    total: data?.total,
    go,
    filtered,
    emptyText: t('list.emptyText'),
    emptyFilteredText: t('list.emptyFiltered'),
  });

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('list.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="enterprise-count">
            {t('list.count', { count: data?.total ?? 0 })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(exportQuery(query))}
            data-testid="export-button"
          >
            {t('list.exportExcel')}
          </Button>
          {canImport(user.role) && (
            <Link to="/enterprises/import">
              <Button icon={<CloudUploadOutlined />}>{t('list.importExcel')}</Button>
            </Link>
          )}
          {canCreateEnterprise(user.role) && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-enterprise"
            >
              {t('list.newEnterprise')}
            </Button>
          )}
        </Space>
      </Space>
      <div style={{ marginBottom: 16 }}>
        <EnterpriseFilters query={query} onChange={onFilters} />
      </div>
      {error !== undefined && <ErrorState error={error} onRetry={reload} />}
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        onRow={(record) =>
          ({ 'data-testid': 'enterprise-row', 'data-id': record.id }) as HTMLAttributes<HTMLTableRowElement>
        }
        {...pagedTable}
      />
      <EnterpriseFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => saved && navigate(`/enterprises/${saved.id}`)}
      />
    </Card>
  );
}
