import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/domain/organisations';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';

type Similar = { id: string; name: string; shortName: string; active: boolean };

/**
 * While a name is typed: the entries that look like the same organisation (the main process decides, by the same
 * rule for everyone). Editing an entry, each can take this one's place: everything that refers to this one moves
 * there and this one is switched off.
 */
export function SimilarOrganisations({ name, shortName, editing, onMerged }: { name: string; shortName: string; editing: Organisation | null; onMerged(kept: Organisation): void }) {
  const { t } = useTranslation();
  const [typed] = useDebouncedValue({ name: name.trim(), shortName: shortName.trim() }, 300);
  const enabled = typed.name.length >= 4 && !editing?.mergedIntoId;
  const similar = useChannelQuery('organisations:similar', { ...typed, ...(editing ? { exceptId: editing.id } : {}) }, { enabled });
  const [into, setInto] = useState<Similar | null>(null);
  const found = enabled ? (similar.data ?? []) : [];
  if (found.length === 0) return null;

  return (
    <Alert color="yellow" variant="light" role="status" title={t('organisations.similar.title')}>
      <Stack gap={6}>
        <Text size="sm">{editing ? t('organisations.similar.introEditing') : t('organisations.similar.intro')}</Text>
        <List size="sm" spacing={4}>
          {found.map((o) => (
            <List.Item key={o.id}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm">
                  {o.name}
                  {o.shortName ? ` (${o.shortName})` : ''}
                  {o.active ? '' : ` — ${t('organisations.similar.inactive')}`}
                </Text>
                {editing ? (
                  <Button size="compact-xs" variant="default" onClick={() => setInto(o)}>
                    {t('organisations.similar.mergeInto')}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
      {editing ? (
        <Modal opened={into !== null} onClose={() => setInto(null)} title={t('organisations.merge.title')} zIndex={400}>
          {into ? <MergeConfirm duplicate={editing} keep={into} onCancel={() => setInto(null)} onMerged={onMerged} /> : null}
        </Modal>
      ) : null}
    </Alert>
  );
}

function MergeConfirm({ duplicate, keep, onCancel, onMerged }: { duplicate: Organisation; keep: Similar; onCancel(): void; onMerged(kept: Organisation): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const merge = useChannelMutation('organisations:merge', { invalidates: ['group', 'assignments', 'meetings', 'dashboard', 'referrals', 'persons', 'trainings', 'prevention', 'coverage'] });
  // A refusal the main process explains with a reason reads as its own sentence.
  const reason = typeof error?.details.reason === 'string' ? error.details.reason : '';
  const refusal = reason ? t(`organisations.merge.refusals.${reason}`, { defaultValue: '', count: Number(error?.details.count ?? 0) }) : '';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        merge.mutateAsync({ keepId: keep.id, duplicateId: duplicate.id }).then(
          (kept) => {
            notifications.show({ color: 'green', message: t('organisations.merge.done', { duplicate: duplicate.name, keep: kept.name }) });
            onMerged(kept);
          },
          (caught: unknown) => setError(asAppError(caught)),
        );
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('organisations.merge.intro', { duplicate: duplicate.name, keep: keep.name })}</Text>
        {refusal ? (
          <Alert color="red" variant="light" role="alert">
            {refusal}
          </Alert>
        ) : null}
        <FormActions error={refusal ? null : error} submit={t('organisations.merge.confirm')} loading={merge.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
