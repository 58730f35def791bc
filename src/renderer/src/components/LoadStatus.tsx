import { Anchor, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { ErrorAlert } from './ErrorAlert';

/** What a screen needs of a query while its data is on the way. */
export interface QueryState {
  isPending: boolean;
  error: AppError | null;
  refetch(): unknown;
}

/** While a screen's data is on its way: a spinner, or the failure as a sentence with a way to ask again. */
export function LoadStatus({ query }: { query: QueryState }) {
  const { t } = useTranslation();
  if (query.error) {
    return (
      <>
        <ErrorAlert error={query.error} />
        <Anchor component="button" type="button" size="sm" onClick={() => void query.refetch()} w="fit-content">
          {t('common.retry')}
        </Anchor>
      </>
    );
  }
  return query.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null;
}
