import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonFile } from '../../../../shared/domain/referrals';
import { useChannelMutation } from '../../app/data';
import { useLanguage } from '../../components/code-words';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { formatDate } from '../../components/format';
import { saveFile } from '../../components/save-file';
import { FileSection } from './FileSection';
import { personSentence } from './person-errors';
import { timelineText } from './person-labels';

/** Everything recorded around the person in date order (as the main process sends it), one line each, and its printout. */
export function TimelineSection({ file }: { file: PersonFile }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <FileSection title={t('persons.timeline.title')} actions={<TimelinePrintMenu personId={file.id} />}>
      {file.timeline.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('persons.timeline.empty')}
        </Text>
      ) : (
        <ol aria-label={t('persons.timeline.title')} style={{ margin: 0, paddingInlineStart: 20 }}>
          {file.timeline.map((entry, i) => (
            <li key={`${entry.kind}-${entry.recordId}-${entry.event ?? ''}-${i}`} data-kind={entry.kind}>
              <Text size="sm" component="span" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatDate(entry.date)}
              </Text>
              <Text size="sm" component="span">
                {' — '}
                {timelineText(t, language, entry)}
              </Text>
            </li>
          ))}
        </ol>
      )}
    </FileSection>
  );
}

/**
 * «Друкувати для розгляду випадку»: the timeline by code, never the name, as PDF or DOCX for a case conference; made
 * from the saved records and audited. A saved file leaves the encrypted store, which the menu says first.
 */
function TimelinePrintMenu({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const make = useChannelMutation('persons:timelineDocument', { invalidates: 'nothing' });
  const noticeId = useId();
  const produce = async (format: 'pdf' | 'docx') => {
    try {
      const file = await make.mutateAsync({ personId, format });
      saveFile(file);
      notifications.show({ color: 'green', message: t('persons.timeline.saved', { name: file.fileName }) });
    } catch (caught) {
      const error = asAppError(caught);
      notifications.show({ color: 'red', title: t('persons.timeline.failed'), message: personSentence(t, language, error) ?? describeError(t, error) });
    }
  };
  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" loading={make.isPending}>
          {t('persons.timeline.print')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-describedby={noticeId}>
        <ExportNotice inMenu id={noticeId} m={4} mb={6} />
        {(['pdf', 'docx'] as const).map((format) => (
          <Menu.Item key={format} onClick={() => void produce(format)} aria-label={t('persons.timeline.printAs', { format: t(`persons.timeline.formats.${format}`) })}>
            {t(`persons.timeline.formats.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
