import { Button, Checkbox, Group, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { useMeetingEditor } from './editor-context';
import { GuestsEditor } from './GuestsEditor';
import type { MeetingValues } from './meeting-form';

/**
 * Who attended: a «Присутній» tick for every member seated on the meeting date; for one absent, the reason and who came
 * in their stead («за дорученням»); then the invited guests.
 */
export function AttendanceSection() {
  const { t } = useTranslation();
  const { meeting, members, readOnly } = useMeetingEditor();
  const { control, setValue } = useFormContext<MeetingValues>();
  const attendance = useWatch({ control, name: 'attendance' });
  const byId = new Map(members.map((m) => [m.id, m]));
  const markAll = (present: boolean) =>
    attendance.forEach((_, index) => setValue(`attendance.${index}.present`, present, { shouldDirty: true }));

  return (
    <Stack gap="lg">
      <section aria-labelledby="attendance-members">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="attendance-members">
              {t('meetings.attendance.members')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('meetings.attendance.membersIntro', { date: formatDate(meeting.date) })}
            </Text>
          </div>
          {!readOnly && attendance.length > 0 ? (
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={() => markAll(true)}>
                {t('meetings.attendance.allPresent')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => markAll(false)}>
                {t('meetings.attendance.nonePresent')}
              </Button>
            </Group>
          ) : null}
        </Group>
        {attendance.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.attendance.noMembers', { date: formatDate(meeting.date) })}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table striped withTableBorder verticalSpacing={6} miw={980} aria-labelledby="attendance-members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('meetings.attendance.columns.present')}</Table.Th>
                  <Table.Th>{t('meetings.attendance.columns.name')}</Table.Th>
                  <Table.Th>{t('meetings.attendance.columns.position')}</Table.Th>
                  <Table.Th>{t('meetings.attendance.columns.organisation')}</Table.Th>
                  <Table.Th>{t('meetings.attendance.columns.role')}</Table.Th>
                  <Table.Th w={300}>{t('meetings.attendance.columns.absence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.map((row, index) => {
                  const member = byId.get(row.memberId);
                  if (!member) return null;
                  return (
                    <Table.Tr key={row.memberId}>
                      <Table.Td>
                        <Controller
                          control={control}
                          name={`attendance.${index}.present`}
                          render={({ field }) => (
                            <Checkbox
                              aria-label={t('meetings.attendance.presentOf', { name: member.shortName })}
                              checked={field.value}
                              disabled={readOnly}
                              onChange={(event) => field.onChange(event.currentTarget.checked)}
                              onBlur={field.onBlur}
                              ref={field.ref}
                            />
                          )}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {member.surname} {member.givenName} {member.patronymic}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.position}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{member.organisationName ?? t('common.none')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`group.memberRoles.${member.role}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {row.present ? null : (
                          <Stack gap={4}>
                            {(['absenceReason', 'substitute'] as const).map((field) => (
                              <Controller
                                key={field}
                                control={control}
                                name={`attendance.${index}.${field}`}
                                render={({ field: input }) => (
                                  <TextInput
                                    size="xs"
                                    aria-label={`${t(`meetings.attendance.${field}`)}: ${member.shortName}`}
                                    placeholder={field === 'substitute' ? t('meetings.attendance.substitutePlaceholder') : t('meetings.attendance.absenceReason')}
                                    value={input.value ?? ''}
                                    readOnly={readOnly}
                                    maxLength={300}
                                    onChange={input.onChange}
                                    onBlur={input.onBlur}
                                    ref={input.ref}
                                  />
                                )}
                              />
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </section>
      <GuestsEditor />
    </Stack>
  );
}
