import { Box, Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Under a list shown a page at a time: which rows of how many are on screen, and the pages, named for a screen
 * reader by `label` («Сторінки списку справ»). Nothing but the count when one page holds them all.
 */
export function ListPager({ offset, shown, total, pageSize, label, onPage }: { offset: number; shown: number; total: number; pageSize: number; label: string; onPage(offset: number): void }) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? '' : t('common.pager.shown', { from: offset + 1, to: offset + shown, total })}
      </Text>
      {pages > 1 ? (
        <Box component="nav" aria-label={label}>
          <Pagination
            total={pages}
            value={Math.floor(offset / pageSize) + 1}
            onChange={(page) => onPage((page - 1) * pageSize)}
            getControlProps={(control) => ({ 'aria-label': t(`common.pager.controls.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('common.pager.page', { page }) })}
          />
        </Box>
      ) : null}
    </Group>
  );
}
