import { Button, Empty, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { type SortOrder, sortFrom } from '../pages/enterprises/list-query';

/** What every server-paged list keeps in its URL. */
export interface PagedQuery {
  filters: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  sort?: string;
}

/**
 * The table behaviour every server-paged list shares: paging and sorting written back to the
 * URL query (a new sort or page size starts at page 1), and an empty state that offers to clear
 * the filters when they are what emptied the list.
 */
export function usePagedTable<Row, Q extends PagedQuery>(opts: {
  query: Q;
  total: number | undefined;
  go: (next: Q) => void;
  filtered: boolean;
  emptyText: string;
  emptyFilteredText: string;
}): Pick<TableProps<Row>, 'locale' | 'pagination' | 'onChange'> {
  const { t } = useTranslation();
  const { query, go, filtered } = opts;
  return {
    locale: {
      emptyText: (
        <Empty description={filtered ? opts.emptyFilteredText : opts.emptyText}>
          {filtered && (
            <Button onClick={() => go({ ...query, filters: {}, page: 1 })}>{t('list.clearFilters')}</Button>
          )}
        </Empty>
      ),
    },
    pagination: {
      current: query.page,
      pageSize: query.pageSize,
      total: opts.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => t('common.total', { count: total }),
    },
    onChange: (pagination, _filters, sorter, extra) => {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined;
      const sort =
        extra.action === 'sort' ? sortFrom(String(s?.columnKey ?? ''), s?.order as SortOrder) : query.sort;
      const sizeChanged = pagination.pageSize !== query.pageSize;
      go({
        ...query,
        sort,
        page: extra.action === 'sort' || sizeChanged ? 1 : (pagination.current ?? 1),
        pageSize: pagination.pageSize ?? query.pageSize,
      });
    },
  };
}
