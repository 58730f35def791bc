import { Anchor, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { ErrorAlert } from './ErrorAlert';

/** While a screen's data is on its way: a spinner, or the failure as a sentence with a way to ask again. */
export function LoadStatus({ loading, error, onRetry }: { loading: boolean; error: AppError | null; onRetry(): void }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <>
        <ErrorAlert error={error} />
        <Anchor component="button" type="button" size="sm" onClick={onRetry} w="fit-content">
          {t('common.retry')}
        </Anchor>
      </>
    );
  }
  return loading ? <Loader size="sm" aria-label={t('common.loading')} /> : null;
}
