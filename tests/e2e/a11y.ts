import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './helpers';

/** WCAG 2.1 AA, the level EN 301 549 sets for public-sector software. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What axe-core finds on screen against WCAG 2.1 AA that is critical or serious, one line per element: rule,
 * impact, element, and what to fix. A moderate or minor finding is not a barrier and stays out of the verdict.
 */
export async function barriers(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? violation.help).replace(/\s+/g, ' ').trim();
        return `${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${summary}`;
      }),
    );
}

/**
 * Fails, listing every one, on a critical or serious WCAG 2.1 AA violation; also holds what axe leaves to best
 * practice but the app promises: one first-level heading (the page's title) and one main landmark. Soft, so one
 * walk over many screens reports all of them at once.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect.soft(await barriers(page), `${screen}: critical or serious WCAG 2.1 AA violations`).toEqual([]);
  expect.soft(await page.locator('h1').allInnerTexts(), `${screen}: exactly one first-level heading`).toHaveLength(1);
  expect.soft(await page.locator('main, [role="main"]').count(), `${screen}: one main landmark`).toBe(1);
}

/**
 * Until nothing is fading in or out: a dialog caught at 93% opacity is measured against the page behind it.
 * Reduced motion turns Mantine's transitions off, but not in a component's first moments: Mantine reads the
 * preference in an effect, after the first render. It fades by inline opacity, a frame at 0 before the CSS
 * transition runs; spinners run for ever.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { document, getComputedStyle } = globalThis as unknown as { document: PageDocument; getComputedStyle(element: unknown): { opacity: string } };
    const moving = document.getAnimations().some((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
    // Dialogs fade with `transition-property`, notifications with the `transition` shorthand: both count.
    const fading = Array.from(document.querySelectorAll('[style*="transition"]')).some(
      (element) => element.checkVisibility() && element.style.opacity !== '' && element.style.opacity !== '1',
    );
    // A notification coming or going is drawn half-transparent while its opacity changes, whatever its inline style says.
    const toasting = Array.from(document.querySelectorAll('.mantine-Notification-root')).some((element) => {
      const opacity = Number(getComputedStyle(element).opacity);
      return opacity > 0 && opacity < 1;
    });
    return !moving && !fading && !toasting;
  });
}

/** The little of the DOM `settled` reads: this file compiles without the DOM's types; the function runs in the page. */
interface PageDocument {
  getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
  querySelectorAll(selector: string): ArrayLike<{ checkVisibility(): boolean; style: { opacity: string } }>;
}

export type Language = 'uk' | 'en';

const I18N = fileURLToPath(new URL('../../src/shared/i18n', import.meta.url));

/** The interface's own words in one language, so one walk runs in both: `say('meetings.plan.open')`. */
export function words(language: Language): (key: string, values?: Record<string, string | number>) => string {
  const read = (file: string) => JSON.parse(readFileSync(join(I18N, file), 'utf8')) as Record<string, unknown>;
  const features = readdirSync(join(I18N, 'features')).filter((file) => file.endsWith(`.${language}.json`));
  const texts = Object.assign(read(`${language}.json`), ...features.map((file) => read(join('features', file)))) as Record<string, unknown>;
  return (key, values = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
    if (typeof text !== 'string') throw new Error(`no ${language} text ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
}
