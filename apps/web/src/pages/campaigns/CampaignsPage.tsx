import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function CampaignsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('campaigns.title')}</Typography.Title>;
}
