import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function SelfCheckListPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('selfChecks.title')}</Typography.Title>;
}
