import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { appTheme, cssVariablesResolver } from '../../src/renderer/src/app/theme';

/** WCAG's own formula, written out here rather than borrowed from the code under test. */
function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
/** A 12% tint of `color` over `surface`, as Mantine's light variant draws it when hovered. */
function tint(color: string, surface: string): string {
  const mix = [1, 3, 5].map((at) => Math.round(parseInt(color.slice(at, at + 2), 16) * 0.12 + parseInt(surface.slice(at, at + 2), 16) * 0.88));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const resolved = mergeMantineTheme(DEFAULT_THEME, appTheme((key) => key));
const light = cssVariablesResolver(resolved).light as Record<string, string>;
const surfaces = ['#ffffff', DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];
const colours = Object.keys(DEFAULT_THEME.colors).filter((name) => name !== 'dark');

describe('the theme’s text colours read at WCAG 2.1 AA (4.5:1) in the light scheme', () => {
  it('dimmed text and placeholders, on white, the pale grays and the primary colour’s tint', () => {
    const backgrounds = [...surfaces, ...surfaces.map((s) => tint(DEFAULT_THEME.colors.blue[6], s))];
    for (const name of ['--mantine-color-dimmed', '--mantine-color-placeholder']) {
      for (const background of backgrounds) expect(ratio(light[name]!, background), `${name} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    // Still a step below body text, not body text itself.
    expect(ratio(light['--mantine-color-dimmed']!, '#ffffff')).toBeLessThan(7);
  });

  it.each(colours)('%s: text, light badges and outlines on its tint; white on it when filled', (name) => {
    const shades = DEFAULT_THEME.colors[name]!;
    for (const variable of ['text', 'light-color', 'outline']) {
      const colour = light[`--mantine-color-${name}-${variable}`]!;
      for (const background of [...surfaces, ...surfaces.map((s) => tint(shades[6], s))]) {
        expect(ratio(colour, background), `${name}-${variable} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(ratio('#ffffff', light[`--mantine-color-${name}-filled`]!)).toBeGreaterThanOrEqual(4.5);
  });

  it('uses the palette’s own shades where one reads: the primary button is blue 8, not blue 6', () => {
    expect(light['--mantine-color-blue-filled']).toBe(DEFAULT_THEME.colors.blue[8]);
    expect(light['--mantine-color-error']).toBe('var(--mantine-color-red-text)');
  });
});
