import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseDetail } from '../../api/types';
import { useDictionaries } from '../../components/DictionaryProvider';
import { ControlLevelTag, StatusTag } from '../../components/tags';
import { formatDate, formatDateTime } from '../../utils/time';

const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : value;

export function BasicsTab({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const { t } = useTranslation();
  const { label } = useDictionaries();
  const grid = e.grid;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="basics">
      <Descriptions.Item label={t('enterprise.name')}>{e.name}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.creditCode')}>{e.creditCode}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.legalRepresentative')}>
        {orDash(e.legalRepresentative)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.region')}>
        {orDash(e.regionName ?? e.regionCode)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.township')}>{orDash(e.townshipName)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.grid')}>
        {grid
          ? [
              grid.name,
              grid.officerName && `${t('enterprise.gridOfficer')} ${grid.officerName}`,
              grid.officerPhone,
            ]
              .filter(Boolean)
              .join(' · ')
          : orDash(e.gridName)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.address')} span={2}>
        {orDash(e.address)}
      </Descriptions.Item>
      <Descriptions.Item label={`${t('enterprise.lng')} / ${t('enterprise.lat')}`}>
        {e.lng !== null && e.lat !== null ? `${e.lng}, ${e.lat}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.industry')}>
        {orDash(e.industryName ?? label('industries', e.industryCode))}
        {e.industryCode && ` (${e.industryCode})`}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.programmeIndustry')}>
        {label('programmeIndustries', e.programmeIndustry)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.batch')}>
        {e.batch ? t('enterprise.batchN', { n: e.batch }) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.controlLevel')}>
        <ControlLevelTag value={e.controlLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.keyKinds')}>
        {e.keyKinds.length > 0 ? e.keyKinds.map((k) => <Tag key={k}>{t(`keyKind.${k}`)}</Tag>) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.status')}>
        <StatusTag value={e.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.envContact')}>{orDash(e.envContact)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.envContactPhone')}>
        <span data-testid="env-contact-phone">{orDash(e.envContactPhone)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.startedOn')}>{formatDate(e.startedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.productsAndScale')} span={3}>
        {orDash(e.productsAndScale)}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprise.createdAt')}>{formatDateTime(e.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.updatedAt')}>{formatDateTime(e.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprise.version')}>{e.version}</Descriptions.Item>
    </Descriptions>
  );
}
