// Small pieces shared by the alarm screens.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm, AlarmSheet } from '../../api/alarms';
import { formatDateTime } from '../../utils/time';
import { usePollutants } from '../monitoring/parts';
import { formatValue } from '../monitoring/rate-format';
import { deadlineView, formatMultiple, rowState, rowStateColor } from './sheet-format';

/** The current time, moving on every `ms` (deadline countdowns). */
export function useNow(ms = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The sheet state (or 报备期内 / 未派发), with 已督办 beside it once escalated. */
export function AlarmStateTag({ alarm }: { alarm: Pick<Alarm, 'sheet' | 'filingId'> }) {
  const { t } = useTranslation();
  const state = rowState(alarm);
  return (
    <Space size={4} wrap>
      <Tag
        color={rowStateColor(state)}
        style={{ marginInlineEnd: 0 }}
        data-testid="alarm-state"
        data-state={state}
      >
        {t(`alarms.state.${state}`)}
      </Tag>
      {alarm.sheet?.escalatedAt && (
        <Tag color="magenta" style={{ marginInlineEnd: 0 }}>
          {t('alarms.state.escalated')}
        </Tag>
      )}
    </Space>
  );
}

/** 剩余 5 小时 12 分 · 已超时 (red) · 按时响应, with the deadline itself on hover. */
export function DeadlineText({ sheet, now }: { sheet: AlarmSheet | null; now: Date }) {
  const { t } = useTranslation();
  const view = deadlineView(sheet, now);
  if (view.kind === 'none' || !sheet?.deadlineAt)
    return <Typography.Text type="secondary">—</Typography.Text>;
  const title = t('alarms.deadline.at', { time: formatDateTime(sheet.deadlineAt) });
  const text =
    view.kind === 'answered' ? (
      <Typography.Text type={view.onTime ? 'success' : 'warning'}>
        {t(view.onTime ? 'alarms.deadline.onTime' : 'alarms.deadline.late')}
      </Typography.Text>
    ) : view.kind === 'overdue' ? (
      <Typography.Text type="danger" strong data-testid="deadline-overdue">
        {t('alarms.deadline.overdue', { hours: view.hours, minutes: view.minutes })}
      </Typography.Text>
    ) : (
      <Typography.Text type={view.urgent ? 'warning' : undefined}>
        {t('alarms.deadline.left', { hours: view.hours, minutes: view.minutes })}
      </Typography.Text>
    );
  return (
    <Tooltip title={title}>
      <span data-testid="deadline">{text}</span>
    </Tooltip>
  );
}

/** SO2 for an exceedance, 数据恒值 · SO2 for an anomaly. */
export function AlarmWhat({ alarm }: { alarm: Pick<Alarm, 'kind' | 'rule' | 'pollutant'> }) {
  const { t } = useTranslation();
  const { name } = usePollutants();
  const pollutant = alarm.pollutant ? name(alarm.pollutant) : null;
  return (
    <Space size={4} wrap>
      <Tag color={alarm.kind === 'exceedance' ? 'volcano' : 'purple'} style={{ marginInlineEnd: 0 }}>
        {alarm.kind === 'exceedance'
          ? t('alarms.kind.exceedance')
          : t(`alarms.rule.${alarm.rule}`, alarm.rule)}
      </Tag>
      {pollutant && <span>{pollutant}</span>}
    </Space>
  );
}

/** Peak value with unit, and the multiple of the limit. */
export function PeakText({ alarm }: { alarm: Pick<Alarm, 'peak' | 'maxMultiple' | 'pollutant'> }) {
  const { t } = useTranslation();
  const { unit } = usePollutants();
  if (alarm.peak === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const u = alarm.pollutant ? unit(alarm.pollutant) : null;
  const multiple = formatMultiple(alarm.maxMultiple);
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div>
        {formatValue(alarm.peak)}
        {u ? ` ${u}` : ''}
      </div>
      {multiple && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {t('alarms.multiple', { value: multiple })}
        </Typography.Text>
      )}
    </div>
  );
}

/** 05-01 08:00 – 05-01 11:00. */
export function PeriodText({ from, to }: { from: string; to: string }) {
  const a = formatDateTime(from);
  const b = formatDateTime(to);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {a.slice(5)} – {a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b.slice(5)}
    </span>
  );
}
