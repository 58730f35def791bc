import { Alert, Button, Card, Grid, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { stepRefusal } from '../../../../shared/case-procedure';
import { RECORDABLE_STEPS, type Case, type Step } from '../../../../shared/domain/cases';
import { DEFAULT_CASE_OPTIONS, type Parameters } from '../../../../shared/domain/parameters';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { AidSection } from './AidSection';
import { CaseDocumentsMenu } from './CaseDocumentsMenu';
import { CaseFacts } from './CaseFacts';
import { CaseMarks } from './CaseList';
import { personRoute } from './case-route';
import { reasonSentence } from './case-errors';
import { CaseStateBadge } from './CaseStateBadge';
import { clockOf } from './parameter-clock';
import { DaysLeft } from './DaysLeft';
import { RemoveStepModal } from './RemoveStepModal';
import type { RecordableKind } from './step-values';
import { StepForm } from './StepForm';
import { StepTimeline } from './StepTimeline';

/**
 * One case: where it stands and what is due, the steps as a timeline with «Внести етап» offering only the steps the
 * procedure allows now, the application's facts, and the one-time aid. The person is named by code only; their card
 * is one click away for those who may read it.
 */
export function CaseCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const query = useChannelQuery('cases:get', { id: caseId });
  if (!query.data) {
    return (
      <Stack>
        <Group>
          <Button variant="subtle" px={6} onClick={() => open('cases')}>
            {t('cases.card.back')}
          </Button>
        </Group>
        <LoadStatus query={query} />
      </Stack>
    );
  }
  return <CaseView caseData={query.data} />;
}

function CaseView({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const parameters = useChannelQuery('parameters:get', {});
  const dueSoonDays = parameters.data?.options.dueSoonDays ?? DEFAULT_CASE_OPTIONS.dueSoonDays;
  const canWrite = can(session, 'cases.write') && !caseData.anonymised;
  const personal = can(session, 'personal.read');
  const [adding, setAdding] = useState<RecordableKind | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Step | null>(null);
  // Once a step is saved its form goes: the keyboard lands on «Внести етап» again, ready for the next one.
  const addButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && adding === null && editing === null) {
      addButton.current?.focus();
      setRefocus(false);
    }
  }, [refocus, adding, editing]);
  const allowed = caseData.allowedSteps.filter((kind): kind is RecordableKind => kind !== 'registration');
  // The steps not open yet, each with the procedure's reason: the menu says why rather than hiding them.
  const waiting = notYetAllowed(caseData, parameters.data ?? null, t);

  const recorded = (message: string) => {
    setAdding(null);
    setEditing(null);
    setRefocus(true);
    notifications.show({ color: 'green', message });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs" wrap="wrap">
            <Button variant="subtle" px={6} onClick={() => open('cases')}>
              {t('cases.card.back')}
            </Button>
            <Title order={1} size="h2">
              {t('cases.card.title', { code: caseData.code })}
            </Title>
            <CaseStateBadge state={caseData.state} />
            <CaseMarks child={caseData.child} foreigner={caseData.foreigner} />
          </Group>
          <Text size="sm" c="dimmed" pl={6}>
            {[t('cases.card.application', { number: caseData.fields.registrationNumber, date: formatDate(caseData.fields.registrationDate) }), caseData.fields.receivingBodyName].join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {personal && !caseData.anonymised ? (
            <Button variant="default" onClick={() => open('cases', personRoute(caseData.personId))}>
              {t('cases.card.person')}
            </Button>
          ) : null}
          {personal ? <CaseDocumentsMenu caseId={caseData.id} /> : null}
        </Group>
      </Group>

      {caseData.anonymised ? (
        <Alert color="gray" variant="light" role="note" py="xs">
          <Text size="sm">{t('cases.card.anonymised')}</Text>
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('cases.card.nextStep')}>
          <Text fw={600} size="sm">
            {caseData.nextStep ? t(`cases.steps.${caseData.nextStep}`) : t('cases.card.nothingDue')}
          </Text>
        </Figure>
        <Figure label={t('cases.card.dueOn')}>
          {caseData.dueOn ? (
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm">
                {formatDate(caseData.dueOn)}
              </Text>
              <DaysLeft daysLeft={caseData.daysLeft} dueSoonDays={dueSoonDays} />
            </Group>
          ) : (
            <DateFigure date={null} />
          )}
        </Figure>
        <Figure label={t('cases.card.procedureDueOn')} hint={t('cases.card.procedureHint')}>
          <DateFigure date={caseData.procedureDueOn} />
        </Figure>
        <Figure label={caseData.endedOn ? t('cases.card.endedOn') : t('cases.card.validUntil')}>
          {caseData.state === 'granted' && !caseData.validUntil ? (
            <Text fw={600} size="sm">
              {t('cases.card.untilDanger')}
            </Text>
          ) : (
            <DateFigure date={caseData.endedOn ?? caseData.validUntil} />
          )}
        </Figure>
      </SimpleGrid>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder component="section" aria-labelledby="case-steps-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="case-steps-title">
                {t('cases.card.steps')}
              </Title>
              {canWrite && allowed.length > 0 ? (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="sm" disabled={adding !== null} ref={addButton}>
                      {t('cases.card.addStep')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown aria-label={t('cases.card.addStep')} mah="70vh" style={{ overflowY: 'auto' }}>
                    <Menu.Label>{t('cases.card.allowedNow')}</Menu.Label>
                    {allowed.map((kind) => (
                      <Menu.Item key={kind} onClick={() => setAdding(kind)}>
                        {t(`cases.steps.${kind}`)}
                      </Menu.Item>
                    ))}
                    {waiting.length > 0 ? (
                      <>
                        <Menu.Divider />
                        <Menu.Label>{t('cases.card.notYet')}</Menu.Label>
                        {waiting.map(({ kind, why }) => (
                          <Menu.Item key={kind} disabled aria-description={why}>
                            <Text size="sm">{t(`cases.steps.${kind}`)}</Text>
                            <Text size="xs" c="dimmed" maw={360}>
                              {why}
                            </Text>
                          </Menu.Item>
                        ))}
                      </>
                    ) : null}
                  </Menu.Dropdown>
                </Menu>
              ) : null}
            </Group>
            {adding ? (
              <Stack mb="md">
                <StepForm
                  key={adding}
                  caseData={caseData}
                  kind={adding}
                  parameters={parameters.data}
                  onDone={() => recorded(t('cases.card.stepRecorded', { step: t(`cases.steps.${adding}`) }))}
                  onCancel={() => setAdding(null)}
                />
              </Stack>
            ) : null}
            <StepTimeline
              caseData={caseData}
              parameters={parameters.data}
              canWrite={canWrite}
              editing={editing}
              onEdit={setEditing}
              onRemove={setRemoving}
              onSaved={() => recorded(t('cases.card.stepSaved'))}
            />
            {canWrite && allowed.length === 0 && caseData.state !== 'ended' ? (
              <Text size="sm" c="dimmed" mt="sm">
                {t('cases.card.noStepsNow')}
              </Text>
            ) : null}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Card withBorder component="section" aria-labelledby="case-facts-title">
              <Title order={2} size="h4" id="case-facts-title" mb="sm">
                {t('cases.facts.title')}
              </Title>
              <CaseFacts caseData={caseData} canWrite={canWrite} />
            </Card>
            <Card withBorder component="section" aria-labelledby="case-aid-title">
              <Title order={2} size="h4" id="case-aid-title" mb="sm">
                {t('cases.aid.title')}
              </Title>
              <AidSection caseData={caseData} parameters={parameters.data} canWrite={canWrite} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <RemoveStepModal
        caseId={caseData.id}
        step={removing}
        onClose={() => setRemoving(null)}
        onRemoved={() => {
          const step = removing;
          setRemoving(null);
          if (step) notifications.show({ color: 'green', message: t('cases.card.stepRemoved', { step: t(`cases.steps.${step.kind}`) }) });
        }}
      />
    </Stack>
  );
}

/** A date of the header, or a dimmed dash where there is none yet. */
function DateFigure({ date }: { date: string | null }) {
  const { t } = useTranslation();
  return date ? (
    <Text fw={600} size="sm">
      {formatDate(date)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('common.none')}
    </Text>
  );
}

function Figure({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" title={hint}>
        {label}
      </Text>
      {children}
    </Card>
  );
}

/** Recordable steps the procedure does not allow yet (the foreigner's certificate only for a foreigner), with why. */
function notYetAllowed(caseData: Case, parameters: Parameters | null, t: TFunction): { kind: RecordableKind; why: string }[] {
  if (!parameters || caseData.state === 'ended') return [];
  const clock = clockOf(parameters);
  const steps = caseData.steps.map((s) => ({ kind: s.kind, date: s.date, outcome: s.outcome, validUntil: s.validUntil, endReason: s.endReason, waiverReason: s.waiverReason }));
  const facts = { foreigner: caseData.foreigner, age: caseData.ageAtRegistration };
  return RECORDABLE_STEPS.filter((kind): kind is RecordableKind => !caseData.allowedSteps.includes(kind) && (kind !== 'foreigner_certificate' || caseData.foreigner))
    .map((kind) => {
      const refusal = stepRefusal(steps, { kind, date: clock.today, outcome: 'granted', validUntil: null, endReason: 'own_request' }, facts, clock);
      return { kind, why: refusal ? (reasonSentence(t, refusal.reason, refusal.details) ?? '') : '' };
    })
    .filter((w) => w.why !== '');
}
