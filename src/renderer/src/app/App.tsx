import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { i18n } from "i18next";
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { AppApi } from "./api";
import { ApiContext } from "./api-context";
import { AppGate } from "./AppGate";
import { appTheme, cssVariablesResolver } from "./theme";

/** Providers only: which API, which language, which theme. The gate decides what is on screen. */
export function App({ api, i18n }: { api: AppApi; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Themed>
        <Notifications position="bottom-right" />
        <ApiContext.Provider value={api}>
          <AppGate />
        </ApiContext.Provider>
      </Themed>
    </I18nextProvider>
  );
}

/** The theme follows the language: it names the icon-only buttons Mantine draws. */
function Themed({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const theme = useMemo(() => appTheme(t), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
