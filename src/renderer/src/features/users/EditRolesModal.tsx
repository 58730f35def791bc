import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { RoleCheckboxes } from './RoleCheckboxes';

export function EditRolesModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose(): void; onSaved(user: UserSummary): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.editRolesTitle', { name: user.displayName }) : ''}>
      {user ? <EditRolesForm key={user.id} user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function EditRolesForm({ user, onCancel, onSaved }: { user: UserSummary; onCancel(): void; onSaved(user: UserSummary): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const save = useChannelMutation('users:setRoles');
  const form = useContractForm(contract['users:setRoles'].input, { defaultValues: { userId: user.id, roles: user.roles }, feature: 'users' });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await save.mutateAsync(values));
    } catch (caught) {
      const failure = asAppError(caught);
      if (placeServerError(form, t, failure, 'users').length === 0) setError(failure);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => <RoleCheckboxes label={t('users.roles')} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
        <FormActions error={error} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
