import { Alert, Text, type AlertProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The sentence every export shows before a file is saved (DOCX, PDF, XLSX): the file leaves the encrypted store.
 * A note, not an alert: it is read where the user chooses a document, not announced when the screen opens.
 */
export function ExportNotice(props: Omit<AlertProps, 'children' | 'color' | 'variant' | 'role'>) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" p="xs" role="note" data-testid="export-notice" {...props}>
      <Text size="xs" lh={1.45}>
        {t('common.exportNotice')}
      </Text>
    </Alert>
  );
}
