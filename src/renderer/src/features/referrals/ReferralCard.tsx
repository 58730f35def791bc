import { Alert, Anchor, Button, Card, Grid, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORY_WORDS, SERVICE_WORDS } from '../../../../shared/domain/referral-codes';
import { REFERRAL_EVENTS, type Referral, type ReferralEvent } from '../../../../shared/domain/referrals';
import { disclosedCategories } from '../../../../shared/referral-procedure';
import { DEFAULT_CASE_OPTIONS } from '../../../../shared/domain/parameters';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { DaysLeft } from '../cases/DaysLeft';
import { DisclosurePanel } from './DisclosurePanel';
import { EventForm } from './EventForm';
import { editReferralRoute } from './referral-route';
import { ReferralDocumentsMenu } from './ReferralDocumentsMenu';
import { ReferralHistory } from './ReferralHistory';
import { ConsentRevokedMark, needsText, UrgencyMark } from './ReferralMarks';
import { ReferralStateBadge } from './ReferralStateBadge';
import { RemoveDraftModal } from './RemoveDraftModal';

/**
 * One referral: where it stands and what is awaited until when, the changes that may be recorded now (only those the
 * procedure allows), what the recipient will see, its history and the services it brought. The person is named by
 * code, a link to their file.
 */
export function ReferralCard({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const query = useChannelQuery('referrals:get', { id: referralId });
  if (!query.data) {
    return (
      <Stack>
        <Group>
          <Button variant="subtle" px={6} onClick={() => open('referrals')}>
            {t('referrals.card.back')}
          </Button>
        </Group>
        <LoadStatus query={query} />
      </Stack>
    );
  }
  return <ReferralView referral={query.data} />;
}

function ReferralView({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const { open } = useNavigation();
  const parameters = useChannelQuery('parameters:get', {});
  const dueSoonDays = parameters.data?.options.dueSoonDays ?? DEFAULT_CASE_OPTIONS.dueSoonDays;
  const canWrite = can(session, 'cases.write');
  const personal = can(session, 'personal.read');
  const preview = useChannelQuery('referrals:preview', { id: referral.id }, { enabled: personal });
  const [recording, setRecording] = useState<ReferralEvent | null>(null);
  const [removing, setRemoving] = useState(false);
  // Once a change is recorded its form goes: the keyboard lands on the actions again.
  const actions = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && recording === null) {
      actions.current?.querySelector('button')?.focus();
      setRefocus(false);
    }
  }, [refocus, recording]);

  const allowed = REFERRAL_EVENTS.filter((event) => referral.allowedEvents.includes(event));
  const refusal = preview.data?.refusal ?? null;
  const title = referral.number ? t('referrals.card.title', { number: referral.number }) : t('referrals.card.draftTitle');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs" wrap="wrap">
            <Button variant="subtle" px={6} onClick={() => open('referrals')}>
              {t('referrals.card.back')}
            </Button>
            <Title order={1} size="h2">
              {title}
            </Title>
            <ReferralStateBadge state={referral.state} />
            <UrgencyMark urgency={referral.urgency} />
            {referral.consentRevoked ? <ConsentRevokedMark /> : null}
          </Group>
          <Group gap={6} pl={6}>
            <Text size="sm" c="dimmed">
              {t('referrals.card.person')}
            </Text>
            <Anchor component="button" type="button" ff="monospace" fw={600} fz="sm" onClick={() => open('persons', referral.personId)} aria-label={t('referrals.card.openPerson', { code: referral.code })}>
              {referral.code}
            </Anchor>
          </Group>
        </Stack>
        {personal ? <ReferralDocumentsMenu referralId={referral.id} /> : null}
      </Group>

      {referral.consentRevokedOn ? (
        <Alert color="orange" variant="light" role="note" py="xs">
          <Text size="sm">{t('referrals.card.consentRevoked', { date: formatDate(referral.consentRevokedOn) })}</Text>
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label={t('referrals.card.recipient')}>{referral.toName}</Figure>
        <Figure label={t('referrals.card.from')}>{referral.fromName}</Figure>
        <Figure label={t('referrals.card.sentOn')}>{referral.sentOn ? formatDate(referral.sentOn) : t('common.none')}</Figure>
        <Figure label={referral.dueKind ? t(`referrals.card.dueKinds.${referral.dueKind}`) : t('referrals.card.due')}>
          {referral.dueOn ? (
            <Group gap={6} wrap="nowrap">
              <Text fw={600} size="sm">
                {formatDate(referral.dueOn)}
              </Text>
              <DaysLeft daysLeft={referral.daysLeft} dueSoonDays={dueSoonDays} />
            </Group>
          ) : (
            t('referrals.card.nothingAwaited')
          )}
        </Figure>
      </SimpleGrid>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {canWrite && (allowed.length > 0 || referral.state === 'draft') ? (
              <Card withBorder component="section" aria-labelledby="referral-actions-title">
                <Title order={2} size="h4" id="referral-actions-title" mb="sm">
                  {t('referrals.card.actions')}
                </Title>
                <Group gap="sm" ref={actions}>
                  {allowed.map((event) => (
                    <Button
                      key={event}
                      variant={event === 'send' ? 'filled' : 'default'}
                      disabled={recording !== null || (event === 'send' && refusal !== null)}
                      onClick={() => setRecording(event)}
                    >
                      {t(`referrals.events.${event}`)}
                    </Button>
                  ))}
                  {referral.state === 'draft' ? (
                    <>
                      <Button variant="default" disabled={recording !== null} onClick={() => open('referrals', editReferralRoute(referral.id))}>
                        {t('referrals.card.edit')}
                      </Button>
                      <Button variant="subtle" color="red" disabled={recording !== null} onClick={() => setRemoving(true)}>
                        {t('referrals.card.remove')}
                      </Button>
                    </>
                  ) : null}
                </Group>
                {allowed.includes('send') && refusal ? (
                  <Text size="sm" c="red" mt="xs">
                    {t('referrals.card.cannotSend')}
                  </Text>
                ) : null}
                {recording ? (
                  <Stack mt="md">
                    <EventForm
                      key={recording}
                      referral={referral}
                      event={recording}
                      onCancel={() => setRecording(null)}
                      onDone={() => {
                        notifications.show({ color: 'green', message: t('referrals.card.recorded', { event: t(`referrals.events.${recording}`) }) });
                        setRecording(null);
                        setRefocus(true);
                      }}
                    />
                  </Stack>
                ) : null}
              </Card>
            ) : null}
            <Card withBorder component="section" aria-labelledby="referral-facts-title">
              <Title order={2} size="h4" id="referral-facts-title" mb="sm">
                {t('referrals.card.facts')}
              </Title>
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  <Fact label={t('referrals.card.needs')}>{needsText(referral.needs, language)}</Fact>
                  <Fact label={t('referrals.card.officer')}>{[referral.officerName, referral.officerContact].filter(Boolean).join(', ')}</Fact>
                  <Fact label={t('referrals.card.disclose')}>{disclosedCategories(referral.disclose).map((c) => wordsIn(DATA_CATEGORY_WORDS[c], language)).join(', ')}</Fact>
                  {referral.circumstances ? <Fact label={t('referrals.card.circumstances')}>{referral.circumstances}</Fact> : null}
                  {referral.documents.length ? (
                    <Fact label={t('referrals.card.documents')}>
                      <List size="sm">
                        {referral.documents.map((d, i) => (
                          <List.Item key={i}>{d}</List.Item>
                        ))}
                      </List>
                    </Fact>
                  ) : null}
                  {referral.note ? <Fact label={t('referrals.card.note')}>{referral.note}</Fact> : null}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder component="section" aria-labelledby="referral-history-title">
              <Title order={2} size="h4" id="referral-history-title" mb="sm">
                {t('referrals.history.title')}
              </Title>
              <ReferralHistory rows={referral.history} />
            </Card>
            <Card withBorder component="section" aria-labelledby="referral-services-title">
              <Title order={2} size="h4" id="referral-services-title" mb="sm">
                {t('referrals.card.services')}
              </Title>
              {referral.services.length ? (
                <Table verticalSpacing={4} aria-label={t('referrals.card.services')}>
                  <Table.Tbody>
                    {referral.services.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td w={110}>{formatDate(s.date)}</Table.Td>
                        <Table.Td>{wordsIn(SERVICE_WORDS[s.service], language)}</Table.Td>
                        <Table.Td>{s.providerName}</Table.Td>
                        <Table.Td>{s.description}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('referrals.card.noServices')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {personal ? (
            <>
              <LoadStatus query={preview} />
              {preview.data ? <DisclosurePanel preview={preview.data} /> : null}
            </>
          ) : null}
        </Grid.Col>
      </Grid>
      <RemoveDraftModal
        referralId={referral.id}
        opened={removing}
        onClose={() => setRemoving(false)}
        onRemoved={() => {
          setRemoving(false);
          notifications.show({ color: 'green', message: t('referrals.remove.done') });
          open('referrals');
        }}
      />
    </Stack>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" fw={600} size="sm">
        {children}
      </Text>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="35%" fw={500} c="dimmed" fz="sm">
        {label}
      </Table.Th>
      <Table.Td fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}
