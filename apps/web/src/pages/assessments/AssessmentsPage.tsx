import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function AssessmentsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('assessments.title')}</Typography.Title>;
}
