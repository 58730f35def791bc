import { Button, FileButton, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { isoFromTyped, kyivToday } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { instantRange } from '../../../../shared/reports/periods';
import { inboxError } from './inbox-words';

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('uk-UA', { timeZone: 'Europe/Kyiv' }) : '');
/** Text as signed: Windows line ends become LF, which is what the sender's app wrote and signed. */
const asSigned = (text: string): string => text.replace(/\r\n/g, '\n');

async function textOf(file: File | null, set: (text: string) => void): Promise<void> {
  if (file) set(asSigned(await file.text()));
}

/**
 * The register of trusted senders: each sender's minisign public keys with the dates they may sign, added from the
 * .pub file the sender handed over (on paper or in person), retired, or replaced on the word of the old key by a
 * rotation statement. Only the reporting officer changes it.
 */
export function InboxKeys({ canSign }: { canSign: boolean }) {
  const { t } = useTranslation();
  const senders = useChannelQuery('inbox:keys', {});
  const add = useChannelMutation('inbox:addKey');
  const retire = useChannelMutation('inbox:retireKey');
  const rotate = useChannelMutation('inbox:applyRotation');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [publicKey, setPublicKey] = useState('');
  // Bundles the sender signed before the key reached this office are theirs too: the key counts from a day chosen here.
  const [validFrom, setValidFrom] = useState<string | null>(() => `${kyivToday().slice(0, 4)}-01-01`);
  const [rotationSender, setRotationSender] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const [signature, setSignature] = useState('');

  const run = async (action: () => Promise<unknown>, done: string, reset: () => void) => {
    try {
      await action();
      notifications.show({ color: 'green', message: done });
      reset();
    } catch (caught) {
      notifications.show({ color: 'red', message: inboxError(t, asAppError(caught)) });
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('inbox.keys.title')}
        </Title>
        <LoadStatus query={senders} />
        {senders.data && senders.data.length === 0 ? <Text size="sm">{t('inbox.keys.none')}</Text> : null}
        {senders.data && senders.data.length > 0 ? (
          <Table aria-label={t('inbox.keys.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inbox.status.sender')}</Table.Th>
                <Table.Th>{t('inbox.keys.fingerprint')}</Table.Th>
                <Table.Th>{t('inbox.keys.validFrom')}</Table.Th>
                <Table.Th>{t('inbox.keys.validTo')}</Table.Th>
                <Table.Th>{t('inbox.keys.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {senders.data.flatMap((s) =>
                s.keys.map((k) => (
                  <Table.Tr key={k.keyId}>
                    <Table.Td>
                      {s.name}
                      <Text size="xs" c="dimmed">
                        {s.code}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{k.fingerprint}</Table.Td>
                    <Table.Td>{when(k.validFrom)}</Table.Td>
                    <Table.Td>{k.validTo ? when(k.validTo) : t('inbox.keys.open')}</Table.Td>
                    <Table.Td>{t(`inbox.keys.sources.${k.source}`)}</Table.Td>
                    <Table.Td>
                      {canSign && !k.validTo ? (
                        <Button size="xs" variant="subtle" color="red" onClick={() => void run(() => retire.mutateAsync({ keyId: k.keyId }), t('inbox.keys.retired'), () => undefined)}>
                          {t('inbox.keys.retire')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        ) : null}

        {canSign ? (
          <>
            <Title order={3} size="h4">
              {t('inbox.keys.add')}
            </Title>
            <Group align="flex-end">
              <TextInput label={t('inbox.keys.senderCode')} value={code} onChange={(e) => setCode(e.currentTarget.value.trim().toUpperCase())} w={240} />
              <TextInput label={t('inbox.keys.senderName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={260} />
              <DateInput
                label={t('inbox.keys.validFrom')}
                description={t('inbox.keys.validFromHint')}
                valueFormat="DD.MM.YYYY"
                placeholder={t('calendar.datePlaceholder')}
                dateParser={isoFromTyped}
                value={validFrom}
                onChange={setValidFrom}
                clearable
                clearButtonProps={{ 'aria-label': t('calendar.clear') }}
                w={190}
              />
              <FileButton onChange={(f) => void textOf(f, setPublicKey)} accept=".pub,text/plain">
                {(props) => (
                  <Button {...props} variant="default">
                    {t('inbox.keys.loadPub')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Textarea label={t('inbox.keys.publicKey')} value={publicKey} onChange={(e) => setPublicKey(asSigned(e.currentTarget.value))} autosize minRows={2} ff="monospace" />
            <Button
              w="fit-content"
              loading={add.isPending}
              disabled={!code || !name.trim() || !publicKey.trim()}
              onClick={() =>
                void run(() => add.mutateAsync({ senderCode: code, senderName: name.trim(), publicKey, ...(validFrom ? { validFrom: instantRange({ id: validFrom, from: validFrom, to: validFrom }).from } : {}) }), t('inbox.keys.added'), () => {
                  setCode('');
                  setName('');
                  setPublicKey('');
                })
              }
            >
              {t('inbox.keys.save')}
            </Button>

            <Title order={3} size="h4">
              {t('inbox.keys.rotation')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('inbox.keys.rotationHint')}
            </Text>
            <Group align="flex-end">
              <Select label={t('inbox.status.sender')} data={(senders.data ?? []).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} value={rotationSender} onChange={setRotationSender} w={360} />
              <FileButton onChange={(f) => void textOf(f, setStatement)} accept=".txt,text/plain">
                {(props) => (
                  <Button {...props} variant="default">
                    {t('inbox.keys.loadStatement')}
                  </Button>
                )}
              </FileButton>
              <FileButton onChange={(f) => void textOf(f, setSignature)} accept=".minisig,text/plain">
                {(props) => (
                  <Button {...props} variant="default">
                    {t('inbox.keys.loadSignature')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Textarea label={t('inbox.keys.statement')} value={statement} onChange={(e) => setStatement(asSigned(e.currentTarget.value))} autosize minRows={3} ff="monospace" />
            <Textarea label={t('inbox.keys.signature')} value={signature} onChange={(e) => setSignature(asSigned(e.currentTarget.value))} autosize minRows={2} ff="monospace" />
            <Button
              w="fit-content"
              loading={rotate.isPending}
              disabled={!rotationSender || !statement || !signature}
              onClick={() =>
                void run(() => rotate.mutateAsync({ senderCode: rotationSender!, statement, signature }), t('inbox.keys.rotated'), () => {
                  setStatement('');
                  setSignature('');
                })
              }
            >
              {t('inbox.keys.applyRotation')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
