import { MantineProvider, createTheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/uk';
import { Notifications } from '@mantine/notifications';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { AppApi } from './api';
import { ApiContext } from './api-context';
import { AppGate } from './AppGate';

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", system-ui, sans-serif',
  headings: { fontFamily: '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", system-ui, sans-serif' },
  // Keyboard users must always see where they are; mouse users are not bothered by it.
  focusRing: 'auto',
});

/** Providers only: which API, which language, which theme. The gate decides what is on screen. */
export function App({ api, i18n }: { api: AppApi; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalisedDates>
          <Notifications position="bottom-right" />
          <ApiContext.Provider value={api}>
            <AppGate />
          </ApiContext.Provider>
        </LocalisedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}

/** Calendars in the interface language, weeks from Monday. */
function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'uk', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
