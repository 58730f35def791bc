import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../app/data';
import { asAppError, describeError } from '../../components/describe-error';
import { ExportNotice } from '../../components/ExportNotice';
import { saveFile } from '../../components/save-file';
import type { AuditQuery } from './AuditFilters';

/**
 * «Зберегти журнал»: every event the applied filters select (not only the page on screen) as CSV for a
 * spreadsheet or PDF for the auditor's report. The export is itself audited, so the list below refreshes.
 */
export function AuditExport({ query }: { query: AuditQuery }) {
  const { t } = useTranslation();
  const exporting = useChannelMutation('audit:export');

  const save = async (format: 'csv' | 'pdf') => {
    try {
      const file = await exporting.mutateAsync({ ...query, format });
      saveFile(file);
      notifications.show({ color: 'green', message: t('audit.export.saved', { name: file.fileName }) });
    } catch (caught) {
      const error = asAppError(caught);
      // The general sentence offers DOCX and the print dialog, which this page has not: CSV is the way here.
      const message = error.code === 'PDF_UNAVAILABLE' ? t('audit.export.pdfUnavailable') : describeError(t, error);
      notifications.show({ color: 'red', message, autoClose: false });
    }
  };

  return (
    <Menu position="bottom-end" width={340} withinPortal>
      <Menu.Target>
        <Button variant="default" loading={exporting.isPending}>
          {t('audit.export.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <ExportNotice m={4} mb={6} />
        <Menu.Label>{t('audit.export.hint')}</Menu.Label>
        <Menu.Item onClick={() => void save('csv')}>{t('audit.export.csv')}</Menu.Item>
        <Menu.Item onClick={() => void save('pdf')}>{t('audit.export.pdf')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
