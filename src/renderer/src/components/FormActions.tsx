import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { ErrorAlert } from './ErrorAlert';

/**
 * The end of a form: what went wrong, if anything, then «Скасувати» (where there is somewhere to go back to) and
 * the submit button, which spins while the call is under way.
 */
export function FormActions({
  error,
  submit,
  loading,
  color,
  onCancel,
  cancelDisabled,
  justify = 'flex-end',
}: {
  error: AppError | null;
  submit: string;
  loading?: boolean;
  color?: string;
  onCancel?: () => void;
  cancelDisabled?: boolean;
  justify?: 'flex-end' | 'flex-start';
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify={justify}>
        {onCancel ? (
          <Button variant="default" disabled={cancelDisabled} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" color={color} loading={loading}>
          {submit}
        </Button>
      </Group>
    </>
  );
}
