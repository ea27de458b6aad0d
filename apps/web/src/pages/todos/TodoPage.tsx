import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listTodos, type Todo, type TodoState } from '../../api/todos';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const GROUPS: { state: TodoState; color: string; badge: 'error' | 'warning' | 'processing' }[] = [
  { state: 'overdue', color: 'red', badge: 'error' },
  { state: 'due-soon', color: 'orange', badge: 'warning' },
  { state: 'open', color: 'blue', badge: 'processing' },
];

/** 我的待办: every dated obligation of the signed-in user, grouped overdue / due soon / open. */
export default function TodoPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi((signal) => listTodos(signal), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  const items = data?.items ?? [];

  const row = (item: Todo) => (
    <List.Item
      key={item.key}
      data-testid="todo-item"
      actions={[
        <Link key="open" to={item.link}>
          {t('todos.open')}
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Tag>{t(`todos.kind_${item.kind}`)}</Tag>
            <Link to={item.link}>{item.title}</Link>
          </Space>
        }
        description={
          <Space wrap>
            <span>{t('todos.due', { date: formatDateTime(item.dueAt) })}</span>
            {item.state === 'overdue' && (
              <Tag color="red">
                {item.overdueWorkingDays
                  ? t('todos.overdueDays', { days: item.overdueWorkingDays })
                  : t('todos.overdueToday')}
              </Tag>
            )}
            {item.provisional && (
              <Tooltip title={t('todos.provisionalHint')}>
                <Tag color="gold">{t('todos.provisional')}</Tag>
              </Tooltip>
            )}
          </Space>
        }
      />
    </List.Item>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('todos.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {t('todos.refresh')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('todos.hint')}</Typography.Text>
      {items.length === 0 ? (
        <Empty description={t('todos.empty')} />
      ) : (
        GROUPS.map(({ state, badge }) => {
          const group = items.filter((i) => i.state === state);
          if (!group.length) return null;
          return (
            <Card
              key={state}
              size="small"
              data-testid={`todo-group-${state}`}
              title={
                <Space>
                  <Badge status={badge} />
                  {t(`todos.group_${state}`)}
                  <Typography.Text type="secondary">
                    {t('todos.count', { count: group.length })}
                  </Typography.Text>
                </Space>
              }
            >
              <List dataSource={group} renderItem={row} />
            </Card>
          );
        })
      )}
    </Space>
  );
}
