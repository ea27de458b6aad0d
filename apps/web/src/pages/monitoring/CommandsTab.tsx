import { ClockCircleOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type HTMLAttributes, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type CommandBody,
  listCommands,
  type MonitorCommand,
  RESEND_CNS,
  type ResendCn,
  sendCommand,
} from '../../api/monitoring';
import { ErrorState } from '../../components/ErrorState';
import { errorMessage } from '../../components/error-message';
import { dayjs, formatDateTimeSeconds, ZONE } from '../../utils/time';
import { useApi } from '../../utils/use-api';
import { commandLabel, formatParams, isPending, statusColor, statusKey } from './commands';

const POLL_MS = 3000;

/** The problem's message, with its field errors (a 400 names the wrong parameter). */
function problemText(t: Parameters<typeof errorMessage>[0], err: unknown): string {
  const base = errorMessage(t, err);
  if (err instanceof ApiError && err.errors.length > 0)
    return `${base}：${err.errors.map((e) => e.message).join('；')}`;
  return base;
}

function CommandList({ items }: { items: MonitorCommand[] }) {
  const { t } = useTranslation();
  return (
    <Table<MonitorCommand>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('monitoring.commands.empty') }}
      onRow={(c) =>
        ({ 'data-testid': 'command-row', 'data-status': c.status }) as HTMLAttributes<HTMLTableRowElement>
      }
      columns={[
        {
          title: t('monitoring.commands.createdAt'),
          dataIndex: 'createdAt',
          width: 170,
          render: (v: string) => formatDateTimeSeconds(v),
        },
        {
          title: t('monitoring.commands.command'),
          render: (_, c) => {
            const label = commandLabel(c);
            if (!label.key) return `CN ${c.cn}`;
            return label.whatKey ? t(label.key, { what: t(label.whatKey) }) : t(label.key);
          },
        },
        { title: t('monitoring.commands.params'), render: (_, c) => formatParams(c.params) || '—' },
        {
          title: t('monitoring.commands.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: string) => {
            const key = statusKey(s);
            return (
              <Tag color={statusColor(s)} data-testid="command-status">
                {key ? t(key) : s}
              </Tag>
            );
          },
        },
        {
          title: t('monitoring.commands.updatedAt'),
          dataIndex: 'updatedAt',
          width: 170,
          render: (v: string) => formatDateTimeSeconds(v),
        },
        { title: 'QN', dataIndex: 'qn', width: 170 },
      ]}
    />
  );
}

/** 指令: set the time, the data intervals, ask for a re-send; the unit's answers as statuses. */
export function CommandsTab({ monitors }: { monitors: { id: number; mn: string }[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [monitorId, setMonitorId] = useState<number | undefined>(monitors[0]?.id);
  const [rtd, setRtd] = useState<number | null>(30);
  const [min, setMin] = useState<number | null>(10);
  const [cn, setCn] = useState<ResendCn>('2061');
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, error, reload } = useApi(
    (signal) => (monitorId ? listCommands(monitorId, signal) : Promise.resolve(undefined)),
    [monitorId],
  );
  // The unit answers within seconds (or times out after 30 s): follow until nothing is pending.
  useEffect(() => {
    if (!data?.items.some(isPending)) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [data, reload]);

  if (!monitorId) return <Alert type="info" showIcon message={t('monitoring.outlet.noMonitor')} />;

  const send = async (key: string, body: CommandBody) => {
    setBusy(key);
    try {
      await sendCommand(monitorId, body);
      message.success(t('monitoring.commands.sent'));
    } catch (err) {
      message.error({ content: problemText(t, err), key: 'command-error' });
    } finally {
      setBusy(null);
      reload();
    }
  };

  const box = (title: string, body: ReactNode, key: string, onSend: () => void, disabled = false) => (
    <Col xs={24} md={12} xl={6}>
      <Card size="small" title={title} style={{ height: '100%' }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {body}
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy === key}
            disabled={disabled}
            onClick={onSend}
            data-testid={`command-${key}`}
          >
            {t('monitoring.commands.send')}
          </Button>
        </Space>
      </Card>
    </Col>
  );

  return (
    <div data-testid="commands-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        {monitors.length > 1 && (
          <Select
            style={{ width: 260 }}
            value={monitorId}
            options={monitors.map((m) => ({ value: m.id, label: m.mn }))}
            onChange={setMonitorId}
          />
        )}
        {data &&
          (data.connected ? (
            <Tag color="success" data-testid="unit-connected">
              {t('monitoring.commands.connected')}
            </Tag>
          ) : (
            <Tag color="default" data-testid="unit-connected">
              {t('monitoring.commands.notConnected')}
            </Tag>
          ))}
      </Space>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {box(
          t('monitoring.commands.setTime'),
          <Typography.Text type="secondary">
            <ClockCircleOutlined /> {t('monitoring.commands.setTimeHint')}
          </Typography.Text>,
          'setTime',
          () => send('setTime', { kind: 'setTime' }),
        )}
        {box(
          t('monitoring.commands.setRtdInterval'),
          <InputNumber<number>
            min={1}
            max={3600}
            precision={0}
            value={rtd}
            onChange={setRtd}
            addonAfter={t('monitoring.commands.seconds')}
            style={{ width: '100%' }}
          />,
          'setRtdInterval',
          () => rtd && send('setRtdInterval', { kind: 'setRtdInterval', seconds: rtd }),
          !rtd,
        )}
        {box(
          t('monitoring.commands.setMinInterval'),
          <InputNumber<number>
            min={1}
            max={60}
            precision={0}
            value={min}
            onChange={setMin}
            addonAfter={t('monitoring.commands.minutes')}
            style={{ width: '100%' }}
          />,
          'setMinInterval',
          () => min && send('setMinInterval', { kind: 'setMinInterval', minutes: min }),
          !min,
        )}
        {box(
          t('monitoring.commands.resend'),
          <>
            <Select<ResendCn>
              value={cn}
              onChange={setCn}
              style={{ width: '100%' }}
              options={RESEND_CNS.map((c) => ({ value: c, label: t(`monitoring.cn.${c}`) }))}
              aria-label={t('monitoring.commands.resendType')}
            />
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={period}
              disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
              onChange={(values) => setPeriod(values?.[0] && values[1] ? [values[0], values[1]] : null)}
              style={{ width: '100%' }}
            />
          </>,
          'resend',
          () => {
            if (!period) {
              message.warning(t('monitoring.commands.periodRequired'));
              return;
            }
            send('resend', {
              kind: 'resend',
              cn,
              // The picked wall time is Shanghai time, whatever the browser's zone.
              begin: dayjs.tz(period[0].format('YYYY-MM-DD HH:mm'), ZONE).toISOString(),
              end: dayjs.tz(period[1].format('YYYY-MM-DD HH:mm'), ZONE).toISOString(),
            });
          },
        )}
      </Row>
      <Typography.Title level={5}>{t('monitoring.commands.list')}</Typography.Title>
      {error !== undefined && !data ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <CommandList items={data?.items ?? []} />
      )}
    </div>
  );
}
