import { BellOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Tooltip } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type InboxEvent, inboxStreamUrl, listInbox } from '../api/alarms';
import { EMPTY_INBOX, type InboxAction, type InboxState, inboxReducer } from './inbox-state';

interface InboxContext {
  state: InboxState;
  dispatch: (action: InboxAction) => void;
}

const Context = createContext<InboxContext>({ state: EMPTY_INBOX, dispatch: () => undefined });

/**
 * The signed-in user's unread count: read once from GET /inbox, then moved on by every
 * notification the server pushes on /inbox/stream (server-sent events), each also shown as a toast.
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { notification } = AntApp.useApp();
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(inboxReducer, EMPTY_INBOX);

  useEffect(() => {
    const controller = new AbortController();
    const source = new EventSource(inboxStreamUrl(), { withCredentials: true });
    const load = () =>
      listInbox({ unread: true, pageSize: 1 }, controller.signal).then(
        (page) => dispatch({ type: 'loaded', unread: page.unread }),
        () => undefined,
      );
    // Counted once the stream is open, so nothing committed in between is missed or counted twice.
    source.addEventListener('ready', () => void load());
    source.addEventListener('notification', (event) => {
      try {
        const item = JSON.parse((event as MessageEvent<string>).data) as InboxEvent;
        dispatch({ type: 'pushed', event: item });
        notification.info({
          key: `inbox-${item.id}`,
          message: t(`alarms.inbox.kind.${item.kind}`, t('alarms.inbox.newTitle')),
          description: item.title,
          placement: 'topRight',
          duration: 8,
          onClick: () => navigate(item.alarmId ? `/alarms/${item.alarmId}` : '/inbox'),
          props: { 'data-testid': 'inbox-toast' },
        } as Parameters<typeof notification.info>[0]);
      } catch {
        // A malformed event is skipped.
      }
    });
    void load();
    return () => {
      controller.abort();
      source.close();
    };
  }, [notification, t, navigate]);

  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useInbox = () => useContext(Context);

/** The header's bell with the unread count; opens 我的消息. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state } = useInbox();
  return (
    <Tooltip title={t('alarms.inbox.unread', { count: state.unread })}>
      <Button
        type="text"
        onClick={() => navigate('/inbox')}
        data-testid="inbox-bell"
        aria-label={t('alarms.inbox.bell')}
      >
        <Badge
          count={state.unread}
          size="small"
          overflowCount={99}
          data-testid="inbox-count"
          data-count={state.unread}
        >
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
