import { Autocomplete, MantineProvider, Select, createTheme } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { i18n } from "i18next";
import { I18nextProvider } from "react-i18next";
import type { AppApi } from "./api";
import { ApiContext } from "./api-context";
import { AppGate } from "./AppGate";

const theme = createTheme({
  primaryColor: "blue",
  fontFamily:
    '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", system-ui, sans-serif',
  headings: {
    fontFamily:
      '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", system-ui, sans-serif',
  },
  // Keyboard users must always see where they are; mouse users are not bothered by it.
  focusRing: "auto",
  components: {
    // Typing narrows a list; Enter then takes the first match, so a single filtered option needs no arrow key.
    Select: Select.extend({ defaultProps: { selectFirstOptionOnChange: true } }),
    Autocomplete: Autocomplete.extend({ defaultProps: { selectFirstOptionOnChange: true } }),
  },
});

/** Providers only: which API, which language, which theme. The gate decides what is on screen. */
export function App({ api, i18n }: { api: AppApi; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" />
        <ApiContext.Provider value={api}>
          <AppGate />
        </ApiContext.Provider>
      </MantineProvider>
    </I18nextProvider>
  );
}
