import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function ProblemDetailPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('ledgers.title')}</Typography.Title>;
}
