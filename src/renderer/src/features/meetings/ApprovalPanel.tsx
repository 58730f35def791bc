import { Alert, Button, Card, Code, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { approvalChecks, type ApprovalCheck, type Meeting } from '../../../../shared/domain/meetings';
import { kyivDateTime } from '../../../../shared/time';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { AmendModal } from './AmendModal';
import { ApproveModal } from './ApproveModal';
import { useMeetingEditor } from './editor-context';
import { meetingRef, shortHash } from './meeting-labels';

/**
 * Before approval: what the saved minutes still lack, and «Затвердити протокол» for writers once they are drafted.
 * After: the approval date, the content hash, the numbered amendments and «Внести доповнення».
 */
export function ApprovalPanel({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const { meeting, canWrite } = useMeetingEditor();
  const [approving, setApproving] = useState(false);
  const [amending, setAmending] = useState(false);

  if (meeting.status === 'approved') {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" role="note" title={t('meetings.approval.approvedTitle')}>
          <Stack gap={6}>
            <Text size="sm">{t('meetings.approval.approvedAt', { date: formatKyivDateTime(meeting.approvedAt) })}</Text>
            {meeting.contentHash ? (
              <Group gap="xs">
                <Text size="sm">{t('meetings.approval.hash')}</Text>
                <Tooltip label={meeting.contentHash} multiline w={360}>
                  <Code data-testid="content-hash" title={meeting.contentHash}>
                    {shortHash(meeting.contentHash)}
                  </Code>
                </Tooltip>
              </Group>
            ) : null}
            <Text size="xs" c="dimmed">
              {t('meetings.approval.hashHint')}
            </Text>
          </Stack>
        </Alert>
        <section aria-labelledby="amendments-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="amendments-title">
              {t('meetings.amend.listTitle')}
            </Title>
            {canWrite ? <Button onClick={() => setAmending(true)}>{t('meetings.amend.open')}</Button> : null}
          </Group>
          {meeting.amendments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('meetings.amend.none')}
            </Text>
          ) : (
            <Stack gap="xs">
              {meeting.amendments.map((a) => (
                <Card key={a.number} withBorder padding="sm" data-testid="amendment">
                  <Text size="sm" fw={700}>
                    {t('meetings.amend.item', { number: a.number, date: formatKyivDateTime(a.createdAt) })}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('meetings.amend.reasonLine', { reason: a.reason })}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.text}
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
        </section>
        {canWrite ? (
          <AmendModal
            meeting={meeting}
            opened={amending}
            onClose={() => setAmending(false)}
            onAmended={(amended) => {
              setAmending(false);
              notifications.show({ color: 'green', message: t('meetings.amend.done', { number: amended.amendments.length }) });
            }}
          />
        ) : null}
      </Stack>
    );
  }

  // The rule the main process applies on approval, read against the saved minutes and this office's clock.
  const checks = approvalChecks(meeting, kyivDateTime(new Date())).map((check) => ({ ok: check.ok, text: checkText(t, check, meeting) }));
  const blocked = dirty
    ? t('meetings.approval.saveFirst')
    : meeting.status !== 'minutes_drafted'
      ? t('meetings.approval.needsDrafted')
      : checks.some((check) => !check.ok)
        ? t('meetings.approval.checksFirst')
        : null;

  return (
    <Stack gap="md">
      <Text size="sm">{t('meetings.approval.intro')}</Text>
      <List size="sm" spacing={4} aria-label={t('meetings.approval.checksLabel')}>
        {checks.map((check) => (
          <List.Item key={check.text} icon={<Text c={check.ok ? 'green' : 'red'} fw={700} aria-hidden>{check.ok ? '✓' : '✗'}</Text>}>
            <Text size="sm" c={check.ok ? undefined : 'red'}>
              {check.ok ? t('meetings.approval.ok', { text: check.text }) : t('meetings.approval.missing', { text: check.text })}
            </Text>
          </List.Item>
        ))}
      </List>
      {canWrite ? (
        <>
          {blocked ? (
            <Text size="sm" c="dimmed">
              {blocked}
            </Text>
          ) : null}
          <Group>
            <Button color="green" disabled={blocked !== null} onClick={() => setApproving(true)}>
              {t('meetings.approval.approve')}
            </Button>
          </Group>
          <ApproveModal
            meeting={meeting}
            opened={approving}
            onClose={() => setApproving(false)}
            onApproved={(approved) => {
              setApproving(false);
              notifications.show({ color: 'green', message: t('meetings.approval.done', { ref: meetingRef(approved) }) });
            }}
          />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('meetings.approval.readerNote')}
        </Text>
      )}
    </Stack>
  );
}

function checkText(t: TFunction, check: ApprovalCheck, meeting: Meeting): string {
  switch (check.key) {
    case 'begun':
      return t('meetings.approval.checks.begun', { date: formatDate(meeting.date), time: meeting.time });
    case 'quorum':
      return t('meetings.approval.checks.quorum', { present: meeting.quorum.present, members: meeting.quorum.members, needed: meeting.quorum.needed });
    case 'decisions':
      return check.ok ? t('meetings.approval.checks.decisions') : t('meetings.approval.checks.decisionsMissing', { items: check.items?.join(', ') });
    case 'votes':
      return check.ok ? t('meetings.approval.checks.votes') : t('meetings.approval.checks.votesOver', { decisions: check.decisions?.join(', ') });
    default:
      return t(`meetings.approval.checks.${check.key}`);
  }
}
