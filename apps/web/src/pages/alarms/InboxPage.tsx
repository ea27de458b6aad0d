import { App as AntApp, Badge, Button, Card, List, Pagination, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type InboxItem, listInbox, markInboxAllRead, markInboxRead } from '../../api/alarms';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { useInbox } from '../../components/Inbox';
import { formatDateTime, formatRelative } from '../../utils/time';
import { useApi } from '../../utils/use-api';

const PAGE_SIZE = 20;

/** 我的消息: the user's notifications, newest first; a new one pushed while open shows at once. */
export default function InboxPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const { state, dispatch } = useInbox();
  const [busy, setBusy] = useState(false);
  const { data, error, loading, reload } = useApi(
    (signal) => listInbox({ unread: unreadOnly || undefined, page, pageSize: PAGE_SIZE }, signal),
    [unreadOnly, page, state.tick],
  );
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const open = async (item: InboxItem) => {
    if (!item.readAt) {
      await markInboxRead(item.id).then(
        () => dispatch({ type: 'read' }),
        () => undefined,
      );
    }
    if (item.alarmId !== null) navigate(`/alarms/${item.alarmId}`);
    else if (item.link) navigate(item.link);
    else reload();
  };

  const readAll = async () => {
    setBusy(true);
    try {
      await markInboxAllRead();
      dispatch({ type: 'allRead' });
      reload();
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;

  return (
    <Card>
      <Space
        align="baseline"
        style={{ display: 'flex', marginBottom: 16, justifyContent: 'space-between' }}
        wrap
      >
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('alarms.inbox.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="inbox-unread">
            {t('alarms.inbox.unread', { count: data?.unread ?? state.unread })}
          </Typography.Text>
        </Space>
        <Space>
          <Space size={6}>
            <Switch
              size="small"
              checked={unreadOnly}
              onChange={(on) => set({ unread: on ? 'true' : undefined, page: undefined })}
            />
            <span>{t('alarms.inbox.onlyUnread')}</span>
          </Space>
          <Button
            onClick={readAll}
            loading={busy}
            disabled={(data?.unread ?? 0) === 0}
            data-testid="inbox-read-all"
          >
            {t('alarms.inbox.readAll')}
          </Button>
        </Space>
      </Space>
      <List<InboxItem>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('alarms.inbox.empty') }}
        renderItem={(item) => (
          <List.Item
            data-testid="inbox-item"
            data-read={item.readAt ? 'true' : 'false'}
            style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f7ff', paddingInline: 12 }}
            onClick={() => void open(item)}
            actions={[
              item.alarmId !== null ? (
                <Button key="open" type="link" size="small">
                  {t('alarms.inbox.open')}
                </Button>
              ) : item.link ? (
                <Button key="open" type="link" size="small">
                  {t('alarms.inbox.openLink')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
              title={
                <Space size={8} wrap>
                  <Tag color={item.kind === 'supervision' ? 'magenta' : 'blue'}>
                    {t(`alarms.inbox.kind.${item.kind}`, t('alarms.inbox.kind.other'))}
                  </Tag>
                  <Typography.Text strong={!item.readAt} data-testid="inbox-title">
                    {item.title}
                  </Typography.Text>
                </Space>
              }
              description={`${formatRelative(item.createdAt)} · ${formatDateTime(item.createdAt)}${item.readAt ? ` · ${t('alarms.inbox.read')}` : ''}`}
            />
          </List.Item>
        )}
      />
      {(data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'right' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={data?.total ?? 0}
          showSizeChanger={false}
          onChange={(p) => set({ page: p === 1 ? undefined : String(p) })}
        />
      )}
    </Card>
  );
}
