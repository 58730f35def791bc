import { Alert, Box, Text, type BoxProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The sentence every export shows before a file is saved (DOCX, PDF, XLSX): the file leaves the encrypted store.
 * A note, not an alert: it is read where the user chooses a document, not announced when the screen opens.
 * Inside a menu, which may hold only items, it is a plain box of the same look (`inMenu`) that the menu names as
 * its description (`id`).
 */
export function ExportNotice({ inMenu = false, id, ...props }: BoxProps & { inMenu?: boolean; id?: string }) {
  const { t } = useTranslation();
  const text = (
    <Text size="xs" lh={1.45}>
      {t('common.exportNotice')}
    </Text>
  );
  if (inMenu) {
    return (
      <Box id={id} p="xs" bg="var(--mantine-color-yellow-light)" style={{ borderRadius: 'var(--mantine-radius-default)' }} data-testid="export-notice" {...props}>
        {text}
      </Box>
    );
  }
  return (
    <Alert id={id} color="yellow" variant="light" p="xs" role="note" data-testid="export-notice" {...props}>
      {text}
    </Alert>
  );
}
