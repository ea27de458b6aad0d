import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export default function TodoPage() {
  const { t } = useTranslation();
  return <Typography.Title level={4}>{t('todos.title')}</Typography.Title>;
}
