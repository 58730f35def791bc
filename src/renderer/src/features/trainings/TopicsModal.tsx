import { Button, Divider, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { asAppError, fieldIssues } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The office's own list of training topics (renamed, added, retired — a retired one stays on the trainings that
 * had it) and the share of hours a certificate needs.
 */
export function TopicsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const topics = useChannelQuery('trainings:topics', {}, { enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title={t('trainings.topics.title')} size="xl">
      <Stack>
        <ShareForm opened={opened} />
        <Divider />
        <Table verticalSpacing={4} aria-label={t('trainings.topics.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainings.topics.uk')}</Table.Th>
              <Table.Th>{t('trainings.topics.en')}</Table.Th>
              <Table.Th>{t('trainings.topics.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(topics.data ?? []).map((topic) => (
              <TopicRow key={topic.code} topic={topic} />
            ))}
          </Table.Tbody>
        </Table>
        <NewTopic />
      </Stack>
    </Modal>
  );
}

function ShareForm({ opened }: { opened: boolean }) {
  const { t } = useTranslation();
  const options = useChannelQuery('trainings:options', {}, { enabled: opened });
  const save = useChannelMutation('trainings:saveOptions');
  const [share, setShare] = useState<number | string>('');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (options.data) setShare(options.data.minSharePercent);
  }, [options.data]);
  const submit = async () => {
    setError(null);
    setSaved(false);
    try {
      await save.mutateAsync({ minSharePercent: Number(share) });
      setSaved(true);
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <NumberInput
          label={t('trainings.topics.minShare')}
          description={t('trainings.topics.minShareHint')}
          value={share}
          onChange={setShare}
          min={1}
          max={100}
          allowDecimal={false}
          suffix=" %"
          w={320}
        />
        <Button variant="default" onClick={() => void submit()} loading={save.isPending}>
          {t('common.save')}
        </Button>
        {saved ? (
          <Text size="sm" c="teal" role="status">
            {t('common.saved')}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

function TopicRow({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  const save = useChannelMutation('trainings:saveTopic');
  const [editing, setEditing] = useState(false);
  const [uk, setUk] = useState(topic.uk);
  const [en, setEn] = useState(topic.en);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (change: Partial<Topic>) => {
    setError(null);
    try {
      await save.mutateAsync({
        code: topic.code,
        uk: topic.uk,
        en: topic.en,
        active: topic.active,
        ...change,
      });
      setEditing(false);
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <>
      <Table.Tr>
        <Table.Td>
          {editing ? <TextInput aria-label={t('trainings.topics.uk')} value={uk} onChange={(e) => setUk(e.currentTarget.value)} /> : <Text size="sm">{topic.uk}</Text>}
        </Table.Td>
        <Table.Td>
          {editing ? <TextInput aria-label={t('trainings.topics.en')} value={en} onChange={(e) => setEn(e.currentTarget.value)} /> : <Text size="sm">{topic.en}</Text>}
        </Table.Td>
        <Table.Td>
          <Switch aria-label={t('trainings.topics.activeNamed', { name: topic.uk })} checked={topic.active} onChange={(e) => void submit({ active: e.currentTarget.checked })} />
        </Table.Td>
        <Table.Td>
          {editing ? (
            <Group gap={4} wrap="nowrap">
              <Button size="xs" onClick={() => void submit({ uk, en })} loading={save.isPending}>
                {t('common.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          ) : (
            <Button size="xs" variant="subtle" onClick={() => setEditing(true)} aria-label={t('trainings.topics.renameNamed', { name: topic.uk })}>
              {t('trainings.topics.rename')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {error ? (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <ErrorAlert error={error} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}

function NewTopic() {
  const { t } = useTranslation();
  const save = useChannelMutation('trainings:saveTopic');
  const [uk, setUk] = useState('');
  const [en, setEn] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const issues = error ? fieldIssues(error) : [];
  const problem = (field: string) => (issues.some((i) => i.path === field) ? t('validation.required') : undefined);
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ uk, en, active: true });
      setUk('');
      setEn('');
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <TextInput label={t('trainings.topics.newUk')} value={uk} onChange={(e) => setUk(e.currentTarget.value)} error={problem('uk')} w={320} />
        <TextInput label={t('trainings.topics.newEn')} value={en} onChange={(e) => setEn(e.currentTarget.value)} error={problem('en')} w={260} />
        <Button onClick={() => void submit()} loading={save.isPending}>
          {t('trainings.topics.add')}
        </Button>
      </Group>
      {issues.length === 0 ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
