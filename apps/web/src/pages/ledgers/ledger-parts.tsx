import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CampaignSummary, listCampaigns } from '../../api/campaigns';
import type { User } from '../../api/types';
import { useApi } from '../../utils/use-api';

/** The roles that keep the ledgers (district in its scope, the city, the admin). */
export const canKeepLedgers = (user: User) => ['admin', 'city', 'district'].includes(user.role);

export const yesNoText = (t: (k: string) => string, v: boolean | null | undefined) =>
  v === true ? t('ledgers.yes') : v === false ? t('ledgers.no') : '';

/** The campaigns, and a picker; picks the current one (else the latest) when none is chosen. */
export function useCampaigns() {
  const { data } = useApi(
    (signal) =>
      listCampaigns(signal).catch(() => ({ items: [] as CampaignSummary[], total: 0, page: 1, pageSize: 0 })),
    [],
  );
  return data?.items ?? [];
}

export function CampaignSelect({
  campaigns,
  value,
  onChange,
  allowClear,
}: {
  campaigns: CampaignSummary[];
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    if (value !== undefined || allowClear || !campaigns.length) return;
    const current = campaigns.find((c) => c.status === 'current') ?? campaigns[campaigns.length - 1];
    if (current) onChange(current.id);
  }, [campaigns, value, allowClear, onChange]);
  return (
    <Select
      allowClear={!!allowClear}
      placeholder={t('ledgers.campaign')}
      style={{ minWidth: 320 }}
      value={value}
      options={campaigns.map((c) => ({ value: c.id, label: c.name }))}
      onChange={(v: number | undefined) => onChange(v)}
      notFoundContent={t('ledgers.noCampaign')}
      data-testid="ledger-campaign"
    />
  );
}
