import { Button, Group, Popover, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { kyivToday, recentYears } from '../../components/format';
import { saveFile } from '../../components/save-file';

/** The register of certificates issued in a year, as a workbook the office files and sends on. */
export function RegisterButton() {
  const { t } = useTranslation();
  const [year, setYear] = useState(kyivToday().slice(0, 4));
  const [error, setError] = useState<AppError | null>(null);
  const register = useChannelMutation('trainings:register', {
    invalidates: 'nothing',
  });
  const download = async () => {
    setError(null);
    try {
      saveFile(await register.mutateAsync({ year: Number(year) }));
    } catch (caught) {
      setError(asAppError(caught));
    }
  };
  return (
    <Popover position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default">{t('trainings.register.open')}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={260}>
          <Text size="sm">{t('trainings.register.hint')}</Text>
          <Group align="flex-end" gap="xs">
            <Select label={t('trainings.list.year')} data={recentYears()} value={year} onChange={(v) => setYear(v ?? year)} allowDeselect={false} w={110} />
            <Button onClick={() => void download()} loading={register.isPending}>
              {t('trainings.register.download')}
            </Button>
          </Group>
          <ErrorAlert error={error} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
