import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { asAppError } from '../../components/describe-error';
import { formatDate } from '../../components/format';

interface Pending {
  error: AppError;
  answer(confirmed: boolean): void;
}

/**
 * Saves through `run(false)`; when the main process finds the date unusual (NEEDS_CONFIRMATION) it asks the user,
 * and on «yes» saves again through `run(true)`. «No» resolves to null, leaving the form as it was for the fix.
 */
export function useUnusualDate(): { confirming<T>(run: (confirmDate: boolean) => Promise<T>): Promise<T | null>; modal: ReactNode } {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);

  const confirming = useCallback(async <T,>(run: (confirmDate: boolean) => Promise<T>): Promise<T | null> => {
    try {
      return await run(false);
    } catch (caught) {
      const error = asAppError(caught);
      if (error.code !== 'NEEDS_CONFIRMATION') throw error;
      const confirmed = await new Promise<boolean>((resolve) => setPending({ error, answer: resolve }));
      setPending(null);
      return confirmed ? run(true) : null;
    }
  }, []);

  const details = pending?.error.details ?? {};
  const reason = details.reason === 'before_council' ? 'before_council' : 'far_ahead';
  const modal = (
    <Modal opened={pending !== null} onClose={() => pending?.answer(false)} title={t('meetings.unusualDate.title')} zIndex={400}>
      <Stack gap="md">
        <Text size="sm">
          {t(`meetings.unusualDate.${reason}`, { date: formatDate(String(details.date ?? '')), since: formatDate(String(details.councilSince ?? '')) })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => pending?.answer(false)} data-autofocus>
            {t('meetings.unusualDate.cancel')}
          </Button>
          <Button onClick={() => pending?.answer(true)}>{t('meetings.unusualDate.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { confirming, modal };
}
