import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionInfo } from '../../../../shared/domain/auth';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useSession } from '../../app/session-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
import { PassphrasePolicy } from '../../components/PassphrasePolicy';
import { newPassphraseSchema } from './passphrase-schema';

export function ChangePassphraseForm({ onChanged, autoFocus }: { onChanged(session: SessionInfo): void; autoFocus?: boolean }) {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({ current: z.string().min(1, t('validation.required')), next: z.string(), confirm: z.string(), login: z.string() })
        .superRefine(newPassphraseSchema(t, { next: 'next', confirm: 'confirm', login: 'login' })),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { current: '', next: '', confirm: '', login: session.login },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const updated = await api.call('session:changePassphrase', { current: values.current, next: values.next });
      form.reset({ current: '', next: '', confirm: '', login: session.login });
      onChanged(updated);
    } catch (caught) {
      const error = asAppError(caught);
      if (error.code === 'WRONG_CREDENTIALS') {
        form.setError('current', { type: 'server', message: t('errors.WRONG_CREDENTIALS') }, { shouldFocus: true });
        return;
      }
      if (!applyServerError(t, error, form.setError, { current: 'current', next: 'next', passphrase: 'next' })) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={460}>
        {/* Lets password managers tie the new passphrase to the right account. */}
        <input type="text" name="username" autoComplete="username" value={session.login} readOnly hidden />
        <PasswordInput
          label={t('changePassphrase.current')}
          autoComplete="current-password"
          autoFocus={autoFocus}
          required
          error={errors.current?.message}
          {...form.register('current')}
        />
        <PasswordInput
          label={t('changePassphrase.next')}
          autoComplete="new-password"
          required
          error={errors.next?.message}
          {...form.register('next')}
        />
        <PasswordInput
          label={t('changePassphrase.confirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <ErrorAlert error={formError} />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {t('changePassphrase.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
