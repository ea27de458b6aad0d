// Small pieces shared by the monitoring screens.
import { Badge, Tag, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rate } from '../../api/monitoring';
import { useUser } from '../../auth/auth-context';
import { useDictionaries } from '../../components/DictionaryProvider';
import { useRegions } from '../../components/use-regions';
import { formatDateTime, formatRelative } from '../../utils/time';
import { flagColor, flagKey } from './flags';
import { belowTarget, formatRate, rateColor } from './rate-format';

/** 在线 / 离线 / 从未上线 as a status dot. */
export function OnlineBadge({ online, lastSeenAt }: { online: boolean; lastSeenAt: string | null }) {
  const { t } = useTranslation();
  if (online) return <Badge status="success" text={t('monitoring.common.online')} />;
  return (
    <Badge
      status={lastSeenAt ? 'error' : 'default'}
      text={lastSeenAt ? t('monitoring.common.offline') : t('monitoring.common.neverSeen')}
    />
  );
}

/** A rate coloured against the 90 % target, its formula with the numbers on hover. */
export function RateText({ rate, value, strong }: { rate: Rate; value?: number | null; strong?: boolean }) {
  const { t } = useTranslation();
  const shown = value === undefined ? rate.transmissionValidityRate : value;
  const text = (
    <Typography.Text strong={strong} style={{ color: rateColor(shown) }} data-below={belowTarget(shown)}>
      {formatRate(shown)}
    </Typography.Text>
  );
  const title = rate.expected === 0 ? t('monitoring.rate.notComputed') : rate.formula;
  return title ? <Tooltip title={title}>{text}</Tooltip> : text;
}

/** An HJ 212 flag with its meaning: "N 正常". */
export function FlagTag({ flag }: { flag: string | null | undefined }) {
  const { t } = useTranslation();
  if (!flag) return null;
  const key = flagKey(flag);
  return (
    <Tag color={flagColor(flag)} style={{ marginInlineEnd: 0 }} data-testid="flag-tag">
      {flag}
      {key ? ` ${t(key)}` : ''}
    </Tag>
  );
}

/** An instant as "3 分钟前" with the Shanghai date and time under it. */
export function RelativeTime({ iso, now }: { iso: string | null; now?: Date }) {
  const { t } = useTranslation();
  if (!iso) return <Typography.Text type="secondary">{t('monitoring.monitors.never')}</Typography.Text>;
  return (
    <div style={{ lineHeight: 1.3 }}>
      <div>{formatRelative(iso, now)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(iso)}
      </Typography.Text>
    </div>
  );
}

/** Pollutant names and units from the server's dictionary; the code itself when unknown. */
export function usePollutants() {
  const { entries, label } = useDictionaries();
  const name = useCallback((code: string) => label('pollutants', code), [label]);
  const unit = useCallback(
    (code: string) => entries('pollutants').find((e) => e.key === code)?.unit ?? null,
    [entries],
  );
  return { name, unit };
}

/** Districts to filter by; none for enterprise users, who only ever see their own units. */
export function useDistrictOptions(): { value: string; label: string }[] | null {
  const user = useUser();
  const own = user.role === 'enterprise';
  const districts = useRegions({ level: 'district', ...(own ? { parent: null } : {}) });
  return own ? null : districts.map((r) => ({ value: r.code, label: r.name }));
}
