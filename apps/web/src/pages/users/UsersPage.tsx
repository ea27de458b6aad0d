import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listUsers } from '../../api/misc';
import type { User } from '../../api/types';
import { ErrorState } from '../../components/ErrorState';
import { useApi } from '../../utils/use-api';
import { UserFormModal } from './UserFormModal';

/** Accounts (admin only): who may log in, with which role and in which region. */
export default function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { data, error, loading, reload } = useApi(
    (signal) => listUsers({ q: q || undefined, page, pageSize: 20 }, signal),
    [q, page],
  );
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('users.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('common.total', { count: data?.total ?? 0 })}</Typography.Text>
        </Space>
        <Space>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => setParams(value ? { q: value } : {})}
            style={{ width: 240 }}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="new-user"
          >
            {t('users.newUser')}
          </Button>
        </Space>
      </Space>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('common.empty')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(p) => setParams({ ...(q ? { q } : {}), page: String(p.current ?? 1) })}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.role'),
            dataIndex: 'role',
            render: (r: string) => <Tag color="blue">{t(`roles.${r}`)}</Tag>,
          },
          { title: t('users.region'), render: (_, u) => u.regionName ?? u.regionCode },
          { title: t('users.phone'), dataIndex: 'phone', render: (v) => v ?? '—' },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (v: boolean | undefined) =>
              v === false ? <Tag>{t('common.inactive')}</Tag> : <Tag color="green">{t('common.yes')}</Tag>,
          },
          {
            title: t('common.actions'),
            width: 100,
            render: (_, u) => (
              <Button type="link" size="small" onClick={() => setEditing(u)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={reload}
      />
    </Card>
  );
}
