import { PasswordInput, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../shared/contract';
import type { SessionInfo } from '../../../../../shared/domain/auth';
import type { AppError } from '../../../../../shared/errors';
import { newPassphraseRule } from '../../../../../shared/passphrase-policy';
import { useApi } from '../../../app/api-context';
import { useSession } from '../../../app/session-context';
import { placeServerError, useContractForm } from '../../../components/contract-form';
import { asAppError } from '../../../components/describe-error';
import { FormActions } from '../../../components/FormActions';
import { PassphrasePolicy } from '../../../components/PassphrasePolicy';

export function ChangePassphraseForm({ onChanged, autoFocus }: { onChanged(session: SessionInfo): void; autoFocus?: boolean }) {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () => contract['session:changePassphrase'].input.extend({ confirm: z.string() }).superRefine(newPassphraseRule({ next: 'next', confirm: 'confirm' }, session.login)),
    [session.login],
  );
  const form = useContractForm(schema, { defaultValues: { current: '', next: '', confirm: '' }, feature: 'session' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFormError(null);
    try {
      const updated = await api.call('session:changePassphrase', input);
      form.reset({ current: '', next: '', confirm: '' });
      onChanged(updated);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'session').length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={460}>
        {/* Lets password managers tie the new passphrase to the right account. */}
        <input type="text" name="username" autoComplete="username" value={session.login} readOnly hidden />
        <PasswordInput
          label={t('session.changePassphrase.current')}
          autoComplete="current-password"
          autoFocus={autoFocus}
          required
          error={errors.current?.message}
          {...form.register('current')}
        />
        <PasswordInput label={t('session.changePassphrase.next')} autoComplete="new-password" required error={errors.next?.message} {...form.register('next')} />
        <PasswordInput
          label={t('session.changePassphrase.confirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <FormActions error={formError} submit={t('session.changePassphrase.submit')} loading={isSubmitting} justify="flex-start" />
      </Stack>
    </form>
  );
}
