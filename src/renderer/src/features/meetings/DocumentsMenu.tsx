import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import type { OrganisationOption } from '../../../../shared/domain/organisations';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { printHtml, saveFile } from '../../components/save-file';
import { useMeetingEditor } from './editor-context';
import { ExtractModal } from './ExtractModal';

type Format = 'docx' | 'html' | 'pdf';

/**
 * «Документи»: the minutes and the notice as DOCX or for print/PDF, and extracts of one item or for one executor.
 * Readers may export too; every document is made from the saved meeting.
 */
export function DocumentsMenu({ dirty, organisations }: { dirty: boolean; organisations: OrganisationOption[] }) {
  const { t } = useTranslation();
  const { meeting } = useMeetingEditor();
  // Making a document changes no record (it is audited): nothing on screen goes stale.
  const minutes = useChannelMutation('meetings:minutes', { invalidates: 'nothing' });
  const notice = useChannelMutation('meetings:notice', { invalidates: 'nothing' });
  const busy = minutes.isPending || notice.isPending;
  const [extract, setExtract] = useState<'item' | 'organisation' | null>(null);

  const make = async (kind: 'minutes' | 'notice', format: Format, scope: Pick<InputOf<'meetings:minutes'>, 'item' | 'organisationId'> = {}) => {
    try {
      const file = kind === 'minutes' ? await minutes.mutateAsync({ meetingId: meeting.id, format, ...scope }) : await notice.mutateAsync({ meetingId: meeting.id, format });
      if (format === 'html') printHtml(file);
      else saveFile(file);
      notifications.show({ color: 'green', message: t('meetings.documents.ready', { name: file.fileName }) });
      return true;
    } catch (caught) {
      notifications.show({ color: 'red', title: t('meetings.documents.failed'), message: describeError(t, asAppError(caught)) });
      return false;
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" loading={busy}>
            {t('meetings.documents.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
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
