import {
  Autocomplete,
  DEFAULT_THEME,
  Drawer,
  Menu,
  Modal,
  Notification,
  Select,
  createTheme,
  darken,
  luminance,
  toRgba,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';

const FONTS = '"Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", system-ui, sans-serif';

/**
 * The theme in the interface's language: icon-only buttons Mantine draws itself (a dialog's, a drawer's or a
 * notification's close button, the calendar's arrows) are named in it for screen readers, here once rather than
 * at every use.
 */
export function appTheme(t: (key: string) => string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': t('common.close') };
  return createTheme({
    primaryColor: 'blue',
    fontFamily: FONTS,
    headings: { fontFamily: FONTS },
    // Keyboard users must always see where they are; mouse users are not bothered by it.
    focusRing: 'auto',
    // Motion can make some people unwell; the system's «reduce motion» turns Mantine's transitions off.
    respectReducedMotion: true,
    components: {
      // Typing narrows a list; Enter then takes the first match, so a single filtered option needs no arrow key.
      Select: Select.extend({ defaultProps: { selectFirstOptionOnChange: true } }),
      Autocomplete: Autocomplete.extend({ defaultProps: { selectFirstOptionOnChange: true } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      // A menu may hold only items: its unnamed focus placeholder was a stray child; the first item takes the focus.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
      // By name, not DateInput.extend: importing @mantine/dates here would put the calendar into the unlock screen.
      DateInput: {
        defaultProps: {
          ariaLabels: {
            previousMonth: t('calendar.previousMonth'),
            nextMonth: t('calendar.nextMonth'),
            previousYear: t('calendar.previousYear'),
            nextYear: t('calendar.nextYear'),
            previousDecade: t('calendar.previousDecade'),
            nextDecade: t('calendar.nextDecade'),
          },
        },
        // Weekends and the neighbouring months' days in readable colours: see calendar.css.
        classNames: { day: 'zlagoda-calendar-day' },
      },
    },
  });
}

/** WCAG 2.1 AA for normal-size text (1.4.3), the level EN 301 549 asks of public-sector software. */
const AA_CONTRAST = 4.5;

/** A light colour's tint (Mantine's light variant: its shade 6 at 10%, 12% on hover) laid over a surface. */
const TINT_ALPHA = 0.12;

const WHITE = DEFAULT_THEME.white;
/**
 * The pale surfaces text is drawn on: white, the gray of the screens before unlock and of striped rows, and the
 * gray of a hovered row.
 */
const SURFACES = [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];

function contrast(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

function hex(color: string): string {
  const { r, g, b } = toRgba(color);
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function over(color: string, alpha: number, surface: string): string {
  const top = toRgba(color);
  const bottom = toRgba(surface);
  const mix = (a: number, b: number) => Math.round(a * alpha + b * (1 - alpha));
  return hex(`rgb(${mix(top.r, bottom.r)}, ${mix(top.g, bottom.g)}, ${mix(top.b, bottom.b)})`);
}

function readsOn(color: string, backgrounds: string[]): boolean {
  return backgrounds.every((background) => contrast(color, background) >= AA_CONTRAST);
}

/** The colour darkened (towards black, so its hue stays) just enough to read at AA on every background given. */
function darkenedToRead(color: string, backgrounds: string[]): string {
  for (let amount = 0; amount < 1; amount += 0.02) {
    const darker = hex(darken(color, amount));
    if (readsOn(darker, backgrounds)) return darker;
  }
  return DEFAULT_THEME.black;
}

/**
 * The lightest of a palette's shades from 6 on that reads at AA on every background given; where even shade 9
 * does not (yellow, lime, orange, green), shade 9 darkened just enough.
 */
function readable(shades: readonly string[], backgrounds: string[]): string {
  return shades.slice(6).find((shade) => readsOn(shade, backgrounds)) ?? darkenedToRead(shades[9]!, backgrounds);
}

function tintsOf(shades: readonly string[]): string[] {
  return SURFACES.map((surface) => over(shades[6]!, TINT_ALPHA, surface));
}

/**
 * Mantine's light scheme draws dimmed text, placeholders, errors, links, light badges and white text on filled
 * buttons in shade 6, which reads at 2 to 3.6:1, below AA; dimmed text failed on every screen. Every text colour
 * of the theme is set here, once, to the lightest shade that reads at AA where it is drawn: the look stays the
 * palette's, a shade or two darker. The light tints themselves are Mantine's.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const { colors, primaryColor } = resolved;
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(colors)) {
    if (name === 'dark') continue; // the dark scheme's palette, never a text colour in the light one
    const text = readable(shades, [...SURFACES, ...tintsOf(shades)]);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    // White text on it: the button's, the filled badge's.
    const filled = readable(shades, [WHITE]);
    const hover = shades.indexOf(filled) >= 0 && shades.indexOf(filled) < 9 ? shades[shades.indexOf(filled) + 1]! : hex(darken(filled, 0.1));
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = hover;
  }
  // Gray 7 would be as dark as body text; gray 6 darkened keeps dimmed text a step below it.
  const dimmed = darkenedToRead(colors.gray[6]!, [...SURFACES, ...tintsOf(colors[primaryColor]!)]);
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': dimmed,
      // A placeholder is read too, not only seen.
      '--mantine-color-placeholder': dimmed,
      '--mantine-color-error': `var(--mantine-color-red-text)`,
      '--mantine-color-anchor': `var(--mantine-color-${primaryColor}-text)`,
    },
    dark: {},
  };
};
