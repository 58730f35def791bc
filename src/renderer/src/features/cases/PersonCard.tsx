import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PersonIdentityDraftSchema, type Person } from '../../../../shared/domain/cases';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { useContractForm } from '../../components/contract-form';
import { asAppError, describeError } from '../../components/describe-error';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { saveFile } from '../../components/save-file';
import { AnonymiseModal, type AnonymiseTarget } from './AnonymiseModal';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';
import { CaseRefsTable } from './CaseRefsTable';
import { PersonInputs } from './PersonInputs';
import { useLeaveGuard } from './use-leave-guard';

/** The form is the channel's input without the id, so a server issue's path («person.surname») fits. */
const PersonFormSchema = z.object({ person: PersonIdentityDraftSchema });

/**
 * Who the person is, for those who hold `personal.read` (each opening is audited): the identity, editable with
 * `personal.write`, their cases, everything held about them as DOCX on their request, and, once the retention term
 * has passed, the proposal to anonymise. The page is titled by the code, never the name.
 */
export function PersonCard({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const person = useChannelQuery('cases:person', { id: personId });
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Button variant="subtle" px={6} onClick={() => open('cases')}>
          {t('cases.card.back')}
        </Button>
        <Title order={1} size="h2">
          {person.data ? t('cases.personCard.title', { code: person.data.code }) : t('cases.personCard.titleLoading')}
        </Title>
      </Group>
      {person.data ? <PersonView person={person.data} /> : <LoadStatus query={person} />}
    </Stack>
  );
}

function PersonView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const canWrite = can(session, 'personal.write');
  const anonymisable = useChannelQuery('cases:anonymisable', {});
  const proposal = anonymisable.data?.find((a) => a.personId === person.id) ?? null;
  const [erasing, setErasing] = useState<AnonymiseTarget | null>(null);
  const subjectAccess = useChannelMutation('cases:subjectAccess', { invalidates: 'nothing' });

  const exportAll = async () => {
    try {
      const file = await subjectAccess.mutateAsync({ personId: person.id });
      saveFile(file);
      notifications.show({ color: 'green', message: t('cases.documents.saved', { name: file.fileName }) });
    } catch (caught) {
      notifications.show({ color: 'red', title: t('cases.documents.failed'), message: describeError(t, asAppError(caught)) });
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('cases.personCard.audited')}
        </Text>
        <Button variant="default" onClick={() => void exportAll()} loading={subjectAccess.isPending} title={t('cases.personCard.subjectAccessHint')}>
          {t('cases.personCard.subjectAccess')}
        </Button>
      </Group>
      {proposal ? (
        <Alert color="orange" variant="light" role="note" title={t('cases.anonymise.proposalTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('cases.anonymise.eligible', { closed: formatDate(proposal.closedOn), since: formatDate(proposal.eligibleSince) })}</Text>
            {canWrite ? (
              <Group>
                <Button size="xs" color="red" variant="light" onClick={() => setErasing(proposal)}>
                  {t('cases.anonymise.open')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      <Card withBorder component="section" aria-labelledby="person-identity-title">
        <Title order={2} size="h4" id="person-identity-title" mb="sm">
          {t('cases.personCard.identity')}
        </Title>
        <IdentityForm person={person} readOnly={!canWrite} />
      </Card>
      <Card withBorder component="section" aria-labelledby="person-cases-title">
        <Title order={2} size="h4" id="person-cases-title" mb="sm">
          {t('cases.personCard.cases')}
        </Title>
        <CaseRefsTable cases={person.cases} labelledBy="person-cases-title" />
      </Card>
      <AnonymiseModal target={erasing} onClose={() => setErasing(null)} onDone={() => open('cases')} />
    </Stack>
  );
}

function IdentityForm({ person, readOnly }: { person: Person; readOnly: boolean }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('cases:savePerson', { invalidates: ['dashboard'] });
  const values = useMemo(() => {
    const { id: _id, code: _code, cases: _cases, updatedAt: _updatedAt, ...identity } = person;
    return { person: identity };
  }, [person]);
  // Who the person is never goes into a draft: a lock forgets unsaved changes to it (nothing of it is kept).
  const form = useContractForm(PersonFormSchema, { values, feature: 'cases' });

  const submit = form.handleSubmit(async (submitted) => {
    setFormError(null);
    try {
      await save.mutateAsync({ id: person.id, person: submitted.person });
      notifications.show({ color: 'green', message: t('cases.personCard.saved', { code: person.code }) });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error, 'person.').length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });
  const leaveGuard = useLeaveGuard(form.formState.isDirty && !readOnly);
  const keys = getHotkeyHandler([['mod+S', () => !readOnly && void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate onKeyDown={keys}>
        <Stack gap="sm">
          <PersonInputs readOnly={readOnly} />
          <CaseErrorAlert error={formError} />
          {readOnly ? null : (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.formState.isDirty}>
                {t('cases.personCard.undo')}
              </Button>
              <Button type="submit" loading={save.isPending} title={t('cases.stepForm.saveHint')}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {leaveGuard}
    </FormProvider>
  );
}
