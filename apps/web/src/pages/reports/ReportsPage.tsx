import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function ReportsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('reports.title')}</Typography.Title>;
}
