import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function PlansPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('plans.title')}</Typography.Title>;
}
