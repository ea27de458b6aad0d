import { Checkbox, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_LEVELS, ENTERPRISE_STATUSES, KEY_KINDS } from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { useRegions } from '../../components/use-regions';
import type { FilterKey, ListQuery } from './list-query';

interface Props {
  query: ListQuery;
  onChange: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
}

/** The search box and the filter selects; every change goes to the URL through `onChange`. */
export function EnterpriseFilters({ query, onChange }: Props) {
  const { t } = useTranslation();
  const { options } = useDictionaries();
  const districts = useRegions({ level: 'district' });
  const f = query.filters;
  const [q, setQ] = useState(f.q ?? '');
  useEffect(() => setQ(f.q ?? ''), [f.q]);

  const select = (
    key: FilterKey,
    placeholder: string,
    opts: { value: string; label: string }[],
    width = 150,
  ) => (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      style={{ width }}
      value={f[key]}
      options={opts}
      onChange={(value: string | undefined) => onChange({ [key]: value })}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Space wrap size={[12, 12]}>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        placeholder={t('list.searchPlaceholder')}
        style={{ width: 280 }}
        enterButton
        data-testid="enterprise-search"
      />
      {select(
        'regionCode',
        t('enterprise.region'),
        districts.map((r) => ({ value: r.code, label: r.name })),
      )}
      {select('industryCode', t('enterprise.industry'), options('industries'), 200)}
      {select('programmeIndustry', t('enterprise.programmeIndustry'), options('programmeIndustries'), 180)}
      {select(
        'batch',
        t('enterprise.batch'),
        [1, 2, 3].map((n) => ({ value: String(n), label: t('enterprise.batchN', { n }) })),
        110,
      )}
      {select(
        'controlLevel',
        t('enterprise.controlLevel'),
        CONTROL_LEVELS.map((c) => ({ value: c, label: t(`controlLevel.${c}`) })),
        120,
      )}
      {select(
        'status',
        t('enterprise.status'),
        ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        110,
      )}
      {select(
        'keyKind',
        t('enterprise.keyKinds'),
        KEY_KINDS.map((k) => ({ value: k, label: t(`keyKind.${k}`) })),
        130,
      )}
      <Checkbox
        checked={f.active === 'false'}
        onChange={(e) => onChange({ active: e.target.checked ? 'false' : undefined })}
      >
        {t('list.showInactive')}
      </Checkbox>
    </Space>
  );
}
