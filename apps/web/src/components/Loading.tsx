import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }} data-testid="loading">
      <Spin tip={t('common.loading')}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}
