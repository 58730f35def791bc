import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import type { OrganisationOption } from '../../../../shared/domain/organisations';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { printHtml, saveFile } from '../../components/save-file';
import { useMeetingEditor } from './editor-context';
import { ExtractModal } from './ExtractModal';

type Format = 'docx' | 'html' | 'pdf';

/**
 * «Документи»: the minutes and the notice as DOCX or for print/PDF, and extracts of one item or for one executor.
 * Readers may export too; every document is made from the saved meeting. A saved file leaves the encrypted store:
 * the menu says so before the choice, Electron's save dialog says it again, and so does the notice after it.
 */
export function DocumentsMenu({ dirty, organisations }: { dirty: boolean; organisations: OrganisationOption[] }) {
  const { t } = useTranslation();
  const { meeting } = useMeetingEditor();
  // Making a document changes no record (it is audited): nothing on screen goes stale.
  const minutes = useChannelMutation('meetings:minutes', { invalidates: 'nothing' });
  const notice = useChannelMutation('meetings:notice', { invalidates: 'nothing' });
  const busy = minutes.isPending || notice.isPending;
  const [extract, setExtract] = useState<'item' | 'organisation' | null>(null);
  const noticeId = useId();

  const make = async (kind: 'minutes' | 'notice', format: Format, scope: Pick<InputOf<'meetings:minutes'>, 'item' | 'organisationId'> = {}) => {
    try {
      const file = kind === 'minutes' ? await minutes.mutateAsync({ meetingId: meeting.id, format, ...scope }) : await notice.mutateAsync({ meetingId: meeting.id, format });
      if (format === 'html') printHtml(file);
      else saveFile(file);
      // Printing hands the page to the print dialog; a DOCX or PDF is saved as a file, outside the encryption.
      const message = format === 'html' ? t('meetings.documents.ready', { name: file.fileName }) : t('meetings.documents.saved', { name: file.fileName });
      notifications.show({ color: 'green', message });
      return true;
    } catch (caught) {
      notifications.show({ color: 'red', title: t('meetings.documents.failed'), message: describeError(t, asAppError(caught)) });
      return false;
    }
  };

  return (
    <>
      <Menu position="bottom-end" width={340} withinPortal>
        <Menu.Target>
          <Button variant="default" loading={busy}>
            {t('meetings.documents.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown aria-describedby={noticeId}>
          <ExportNotice inMenu id={noticeId} m={4} mb={6} />
          {dirty ? <Menu.Label>{t('meetings.documents.savedVersion')}</Menu.Label> : null}
          <Menu.Label>{t('meetings.documents.minutes')}</Menu.Label>
          <Menu.Item onClick={() => void make('minutes', 'docx')}>{t('meetings.documents.minutesDocx')}</Menu.Item>
          <Menu.Item onClick={() => void make('minutes', 'pdf')}>{t('meetings.documents.minutesPdf')}</Menu.Item>
          <Menu.Item onClick={() => void make('minutes', 'html')}>{t('meetings.documents.minutesPrint')}</Menu.Item>
          <Menu.Item onClick={() => setExtract('item')} disabled={meeting.agenda.length === 0}>
            {t('meetings.documents.itemExtract')}
          </Menu.Item>
          <Menu.Item onClick={() => setExtract('organisation')}>{t('meetings.documents.organisationExtract')}</Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('meetings.documents.notice')}</Menu.Label>
          <Menu.Item onClick={() => void make('notice', 'docx')}>{t('meetings.documents.noticeDocx')}</Menu.Item>
          <Menu.Item onClick={() => void make('notice', 'pdf')}>{t('meetings.documents.noticePdf')}</Menu.Item>
          <Menu.Item onClick={() => void make('notice', 'html')}>{t('meetings.documents.noticePrint')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ExtractModal
        scope={extract}
        organisations={organisations}
        onClose={() => setExtract(null)}
        onMake={async (format, scope) => {
          if (await make('minutes', format, scope)) setExtract(null);
        }}
      />
    </>
  );
}
