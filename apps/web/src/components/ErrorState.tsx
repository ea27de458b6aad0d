import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, isForbidden, isNotFound } from './error-message';

/** A failed load: 403 says clearly that access is denied, 404 that the record is gone, else retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isForbidden(error)) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={errorMessage(t, error)}
        data-testid="forbidden"
      />
    );
  }
  if (isNotFound(error)) {
    return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.notFoundText')} />;
  }
  return (
    <Result
      status="error"
      title={t('errors.genericTitle')}
      subTitle={errorMessage(t, error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
