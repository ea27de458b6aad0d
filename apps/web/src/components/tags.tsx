import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ControlLevel, EnterpriseStatus } from '../api/types';

const LEVEL_COLORS: Record<ControlLevel, string> = {
  national: 'red',
  provincial: 'orange',
  city: 'gold',
  none: 'default',
};
const STATUS_COLORS: Record<EnterpriseStatus, string> = {
  operating: 'green',
  stopped: 'orange',
  closed: 'default',
};

export function ControlLevelTag({ value }: { value: ControlLevel }) {
  const { t } = useTranslation();
  return <Tag color={LEVEL_COLORS[value] ?? 'default'}>{t(`controlLevel.${value}`)}</Tag>;
}

export function StatusTag({ value }: { value: EnterpriseStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[value] ?? 'default'}>{t(`status.${value}`)}</Tag>;
}

export function InactiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? null : <Tag color="default">{t('common.inactive')}</Tag>;
}
