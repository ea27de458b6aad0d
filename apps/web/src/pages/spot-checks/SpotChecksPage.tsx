import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function SpotChecksPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('spotChecks.title')}</Typography.Title>;
}
