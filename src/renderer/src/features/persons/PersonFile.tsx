import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonFile as PersonFileData } from '../../../../shared/domain/referrals';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { NO_SHRINK } from '../../components/badge-styles';
import { LoadStatus } from '../../components/LoadStatus';
import { personRoute } from '../cases/case-route';
import { CaseRefsTable } from '../cases/CaseRefsTable';
import { AssessmentsSection } from './AssessmentsSection';
import { ConsentsSection } from './ConsentsSection';
import { IdentificationSection } from './IdentificationSection';
import { ReferralsSection } from './ReferralsSection';
import { ServicesSection } from './ServicesSection';
import { TimelineSection } from './TimelineSection';

/**
 * One person as the referral mechanism sees them, by code: who identified them, their status cases, needs
 * assessments, consents, services received, referrals and the timeline of it all. The name stays on the person card
 * of the status cases, one click away for those who may read it.
 */
export function PersonFile({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const file = useChannelQuery('persons:get', { id: personId });
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Button variant="subtle" px={6} onClick={() => open('persons')}>
          {t('persons.file.back')}
        </Button>
        <Title order={1} size="h2">
          {file.data ? t('persons.file.title', { code: file.data.code }) : t('persons.file.titleLoading')}
        </Title>
        {file.data ? (
          <Badge color={file.data.child ? 'grape' : 'gray'} variant="outline" tt="none" styles={NO_SHRINK}>
            {file.data.child ? t('persons.file.child') : t('persons.file.adult')}
          </Badge>
        ) : null}
      </Group>
      {file.data ? <FileView file={file.data} /> : <LoadStatus query={file} />}
    </Stack>
  );
}

function FileView({ file }: { file: PersonFileData }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const canWrite = can(session, 'cases.write') && !file.anonymised;

  return (
    <Stack gap="md">
      {file.anonymised ? (
        <Alert color="gray" variant="light" role="note" py="xs">
          <Text size="sm">{t('persons.file.anonymised')}</Text>
        </Alert>
      ) : null}
      {can(session, 'personal.read') && !file.anonymised ? (
        <Group gap="sm">
          <Button variant="default" onClick={() => open('cases', personRoute(file.id))}>
            {t('persons.file.nameCard')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('persons.file.nameCardHint')}
          </Text>
        </Group>
      ) : null}
      <Card withBorder component="section" aria-labelledby="person-identification-title">
        <Title order={2} size="h4" id="person-identification-title" mb="sm">
          {t('persons.file.identification')}
        </Title>
        <IdentificationSection file={file} canWrite={canWrite} />
      </Card>
      <Card withBorder component="section" aria-labelledby="person-cases-title">
        <Title order={2} size="h4" id="person-cases-title" mb="sm">
          {t('persons.file.cases')}
        </Title>
        {file.cases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('persons.file.noCases')}
          </Text>
        ) : (
          <CaseRefsTable cases={file.cases} labelledBy="person-cases-title" />
        )}
      </Card>
      <AssessmentsSection file={file} canWrite={canWrite} />
      <ConsentsSection file={file} canWrite={canWrite} />
      <ReferralsSection file={file} canWrite={canWrite} />
      <ServicesSection file={file} canWrite={canWrite} />
      <TimelineSection file={file} />
    </Stack>
  );
}
