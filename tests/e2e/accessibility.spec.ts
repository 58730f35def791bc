import type { Locator, Page } from '@playwright/test';
import { REFERRAL_STATE_WORDS } from '../../src/shared/domain/referral-codes';
import { barriers, expectAccessible, words, type Language } from './a11y';
import { ADMIN, expect, screenshot, test } from './helpers';

/**
 * Every screen and main dialog, in both languages, checked by axe-core against WCAG 2.1 AA (see a11y.ts).
 * Motion reduced: a dialog is checked as it stands, not halfway through fading in.
 */
test.use({ contextOptions: { reducedMotion: 'reduce' } });

const LANGUAGES: Language[] = ['uk', 'en'];
const SECRETARY = { login: 'm.koval', name: 'Мар’яна Коваль' };

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if (language === 'en') await page.getByText(words('en')('language.en'), { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Text that starts with `prefix`, whatever follows it. */
function startsWith(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** A field by the start of its label: a required one's label ends with an asterisk. */
function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(startsWith(label));
}

/** Closes a dialog by its close button, named in the interface's language; the next check must not see it. */
async function closeDialog(page: Page, close: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: close, exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('the check itself fails on dimmed text, a nameless button and an unlabelled field', async ({ page }) => {
  await page.setContent(`<html lang="uk"><body><main><h1>Засідання</h1>
    <p style="color:#868e96">Сьогодні 29.11.2026</p><button><svg viewBox="0 0 8 8"><path d="M0 0h8v8z"/></svg></button>
    <input type="text"></main></body></html>`);
  const found = await barriers(page);
  for (const rule of ['color-contrast (serious)', 'button-name (critical)', 'label (critical)']) {
    expect(found.some((line) => line.startsWith(rule)), `${rule} in:\n${found.join('\n')}`).toBe(true);
  }
});

for (const language of LANGUAGES) {
  const say = words(language);

  test(`set-up wizard (${language})`, async ({ page, harness }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: words('uk')('session.setup.title') })).toBeVisible();
    await chooseLanguage(page, language);
    await expect(page.getByRole('heading', { name: say('session.setup.title') })).toBeVisible();
    await expectAccessible(page, 'set-up: the administrator');
    await page.getByRole('button', { name: say('session.setup.create'), exact: true }).click();
    await expect(page.getByText(say('validation.required')).first()).toBeVisible();
    await expectAccessible(page, 'set-up: the administrator, refused');
    await screenshot(page, `a11y-${language}-01-setup-refused`);

    await field(page, say('session.setup.login')).fill(ADMIN.login);
    await field(page, say('session.setup.displayName')).fill(ADMIN.name);
    await field(page, say('session.setup.passphrase')).fill(ADMIN.passphrase);
    await field(page, say('session.setup.passphraseConfirm')).fill(ADMIN.passphrase);
    await page.getByRole('button', { name: say('session.setup.create'), exact: true }).click();
    const keyBox = page.getByTestId('recovery-key');
    await expect(keyBox).toBeVisible();
    await expectAccessible(page, 'set-up: the recovery key');
    const recoveryKey = (await keyBox.textContent())?.trim() ?? '';

    await page.getByRole('button', { name: say('session.setup.keyNext') }).click();
    await field(page, say('session.setup.confirmLabel')).fill('AAAA-BBBB');
    await page.getByRole('button', { name: say('session.setup.finish') }).click();
    await expect(page.getByText(say('session.setup.confirmMismatch'))).toBeVisible();
    await expectAccessible(page, 'set-up: the key typed back, refused');
    await screenshot(page, `a11y-${language}-02-setup-confirm`);

    await field(page, say('session.setup.confirmLabel')).fill(recoveryKey);
    await page.getByRole('button', { name: say('session.setup.finish') }).click();
    await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'the overview of a new store');
  });

  test.describe(() => {
    test.use({ demoStore: true });
    test(`every screen and main dialog on a demo store (${language})`, async ({ page, harness }) => {
      test.setTimeout(240_000);
      await page.goto(harness.url);
      await expect(page.getByRole('heading', { name: words('uk')('session.unlock.title') })).toBeVisible();
      await chooseLanguage(page, language);
      await expect(page.getByRole('heading', { name: say('session.unlock.title') })).toBeVisible();
      await expectAccessible(page, 'unlock');

      await page.getByRole('button', { name: say('session.unlock.forgot') }).click();
      await expect(page.getByRole('heading', { name: say('session.unlock.recoverTitle') })).toBeVisible();
      await expectAccessible(page, 'recovery with the recovery key');
      await page.getByRole('button', { name: say('session.unlock.backToUnlock') }).click();

      await field(page, say('session.unlock.login')).fill(ADMIN.login);
      await field(page, say('session.unlock.passphrase')).fill('не той пароль');
      await page.getByRole('button', { name: say('session.unlock.submit') }).click();
      await expect(page.getByRole('alert')).toContainText(say('errors.WRONG_CREDENTIALS'));
      await expectAccessible(page, 'unlock, refused');

      await field(page, say('session.unlock.passphrase')).fill(ADMIN.passphrase);
      await page.getByRole('button', { name: say('session.unlock.submit') }).click();
      await expect(page.getByTestId('current-user')).toHaveText(ADMIN.name);
      await expect(page.getByRole('heading', { level: 1, name: say('dashboard.title', { name: ADMIN.name }) })).toBeVisible();
      await expect(page.getByRole('region').first()).toBeVisible();
      await expectAccessible(page, 'overview');
      await screenshot(page, `a11y-${language}-10-dashboard`);

      const nav = page.getByRole('navigation');
      // Meetings: the list, the planning dialog (empty, then refused), the editor's four tabs.
      await nav.getByRole('button', { name: say('meetings.nav'), exact: true }).click();
      const meetings = page.getByRole('table', { name: say('meetings.list.tableLabel') });
      await expect(meetings.getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'meetings');
      await screenshot(page, `a11y-${language}-11-meetings`);
      await page.getByRole('button', { name: say('meetings.plan.open') }).click();
      const plan = page.getByRole('dialog', { name: say('meetings.plan.title') });
      await expect(plan).toBeVisible();
      await expectAccessible(page, 'plan a meeting');
      await plan.getByRole('button', { name: say('meetings.plan.submit'), exact: true }).click();
      await expect(plan.getByText(say('validation.required')).first()).toBeVisible();
      await expectAccessible(page, 'plan a meeting, refused');
      await screenshot(page, `a11y-${language}-12-plan-meeting`);
      await closeDialog(page, say('common.close'));

      await meetings.getByRole('row').nth(1).click();
      await expect(page.getByRole('heading', { level: 1, name: startsWith(say('meetings.editor.title', { ref: '' })) })).toBeVisible();
      for (const tab of ['general', 'attendance', 'agenda', 'approval']) {
        await page.getByRole('tab', { name: say(`meetings.editor.tabs.${tab}`) }).click();
        await expect(page.getByRole('tab', { name: say(`meetings.editor.tabs.${tab}`) })).toHaveAttribute('aria-selected', 'true');
        await expectAccessible(page, `meeting editor: ${tab}`);
        await screenshot(page, `a11y-${language}-13-meeting-${tab}`);
      }
      await page.getByRole('button', { name: say('meetings.documents.menu') }).click();
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page, 'meeting editor: the documents menu');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toHaveCount(0);

      // An approved meeting: locked minutes, their hash, the amendments.
      await nav.getByRole('button', { name: say('meetings.nav'), exact: true }).click();
      await meetings.getByRole('row').filter({ hasText: say('meetings.statuses.approved') }).first().click();
      await page.getByRole('tab', { name: say('meetings.editor.tabs.approval') }).click();
      await expect(page.getByRole('button', { name: say('meetings.amend.open') })).toBeVisible();
      await expectAccessible(page, 'approved meeting: approval');
      await screenshot(page, `a11y-${language}-13-meeting-approved`);
      await page.getByRole('button', { name: say('meetings.amend.open') }).click();
      await expect(page.getByRole('dialog', { name: startsWith(say('meetings.amend.title', { ref: '' })) })).toBeVisible();
      await expectAccessible(page, 'approved meeting: an amendment');
      await closeDialog(page, say('common.close'));
      await page.getByRole('button', { name: say('meetings.documents.menu') }).click();
      await page.getByRole('menuitem', { name: say('meetings.documents.itemExtract') }).click();
      await expect(page.getByRole('dialog', { name: say('meetings.documents.itemTitle') })).toBeVisible();
      await expectAccessible(page, 'approved meeting: an extract');
      await closeDialog(page, say('common.close'));
      await page.getByRole('tab', { name: say('meetings.editor.tabs.agenda') }).click();
      await expect(page.getByTestId('agenda-item').first()).toBeVisible();
      await expectAccessible(page, 'approved meeting: agenda, read only');

      // Assignments: the list and one assignment's card.
      await nav.getByRole('button', { name: say('assignments.nav'), exact: true }).click();
      const assignments = page.getByRole('table', { name: say('assignments.tableLabel') });
      await expect(assignments.getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'assignments');
      await screenshot(page, `a11y-${language}-14-assignments`);
      await assignments.getByRole('row').nth(1).click();
      const card = page.getByRole('dialog', { name: say('assignments.detail.drawerTitle') });
      await expect(card.getByRole('heading').first()).toBeVisible();
      await expectAccessible(page, 'an assignment');
      await screenshot(page, `a11y-${language}-15-assignment`);
      await card.getByRole('button', { name: say('assignments.report.add') }).click();
      await expect(card.getByRole('heading', { name: say('assignments.report.title') })).toBeVisible();
      await expectAccessible(page, 'an assignment: a progress report');
      await card.getByRole('button', { name: say('common.cancel') }).click();
      await card.getByRole('button', { name: say('assignments.close.open') }).click();
      await expect(card.getByRole('heading', { name: say('assignments.close.title') })).toBeVisible();
      await expectAccessible(page, 'an assignment: closing it');
      await closeDialog(page, say('assignments.detail.backToList'));

      // Organisations and the form of a new one.
      await nav.getByRole('button', { name: say('organisations.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('organisations.title') }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'organisations');
      await page.getByRole('button', { name: say('organisations.add') }).click();
      await expect(page.getByRole('dialog', { name: say('organisations.addTitle') })).toBeVisible();
      await expectAccessible(page, 'a new organisation');
      await screenshot(page, `a11y-${language}-16-organisation-form`);
      await closeDialog(page, say('common.close'));

      // People by code, one person's page, the referrals and one referral's card with the recipient's preview.
      await nav.getByRole('button', { name: say('persons.nav'), exact: true }).click();
      const persons = page.getByRole('table', { name: say('persons.list.tableLabel') });
      await expect(persons.getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'people');
      await persons.getByRole('row').nth(1).click();
      await expect(page.getByRole('heading', { level: 1, name: startsWith(say('persons.file.title', { code: '' })) })).toBeVisible();
      await expect(page.getByRole('list', { name: say('persons.timeline.title') })).toBeVisible();
      await expectAccessible(page, 'a person’s page');
      await screenshot(page, `a11y-${language}-16b-person`);
      await nav.getByRole('button', { name: say('referrals.nav'), exact: true }).click();
      const referrals = page.getByRole('table', { name: say('referrals.list.tableLabel') });
      await expect(referrals.getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'referrals');
      await screenshot(page, `a11y-${language}-16c-referrals`);
      await referrals.getByRole('row').filter({ hasText: REFERRAL_STATE_WORDS.accepted[language] }).first().click();
      await expect(page.getByRole('region', { name: say('referrals.preview.title') })).toBeVisible();
      await expectAccessible(page, 'a referral');
      await screenshot(page, `a11y-${language}-16d-referral`);

      // Trainings, one training's card with its participants, prevention events, the coverage of hromadas.
      await nav.getByRole('button', { name: say('trainings.nav'), exact: true }).click();
      const trainings = page.getByRole('table', { name: say('trainings.list.tableLabel') });
      await expect(trainings.getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'trainings');
      await screenshot(page, `a11y-${language}-16e-trainings`);
      await trainings.getByRole('row').nth(1).click();
      await expect(page.getByRole('table', { name: say('trainings.card.participantsLabel') })).toBeVisible();
      await expectAccessible(page, 'a training');
      await screenshot(page, `a11y-${language}-16f-training`);
      await nav.getByRole('button', { name: say('prevention.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('prevention.list.tableLabel') }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'prevention events');
      await nav.getByRole('button', { name: say('coverage.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('coverage.tableLabel') }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'coverage of hromadas');
      await screenshot(page, `a11y-${language}-16g-coverage`);

      // The report of the last quarter with its charts, and the recipient's inbox.
      await nav.getByRole('button', { name: say('reports.nav'), exact: true }).click();
      await expect(page.locator('[data-table="status.decisions"]')).toBeVisible();
      await expectAccessible(page, 'report for a period');
      await screenshot(page, `a11y-${language}-16h-report`);
      await nav.getByRole('button', { name: say('inbox.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('inbox.title') })).toBeVisible();
      await expectAccessible(page, 'inbox');
      await screenshot(page, `a11y-${language}-16i-inbox`);

      // The council: members, a new member's form, the rules.
      await nav.getByRole('button', { name: say('group.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('group.members.title') }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'council members');
      await screenshot(page, `a11y-${language}-17-group`);
      await page.getByRole('button', { name: say('group.members.add') }).click();
      await expect(page.getByRole('dialog', { name: say('group.members.addTitle') })).toBeVisible();
      await expectAccessible(page, 'a new council member');
      await closeDialog(page, say('common.close'));
      await page.getByRole('tab', { name: say('group.tabs.settings') }).click();
      await expect(page.getByRole('tab', { name: say('group.tabs.settings') })).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, 'council rules');

      // Users and the form of a new one.
      await nav.getByRole('button', { name: say('users.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('users.title') })).toContainText(ADMIN.name);
      await expectAccessible(page, 'users');
      await page.getByRole('button', { name: say('users.rotate') }).click();
      await expect(page.getByRole('dialog', { name: say('users.rotateTitle') })).toBeVisible();
      await expectAccessible(page, 'a new data key');
      await closeDialog(page, say('common.close'));
      await page.getByRole('button', { name: say('users.add') }).click();
      await expect(page.getByRole('dialog', { name: say('users.addTitle') })).toBeVisible();
      await expectAccessible(page, 'a new user');
      const addUser = page.getByRole('dialog');
      await addUser.getByRole('button', { name: say('users.submitAdd'), exact: true }).click();
      await expect(addUser.getByText(say('validation.required')).first()).toBeVisible();
      await expectAccessible(page, 'a new user, refused');
      await screenshot(page, `a11y-${language}-18-add-user`);
      await field(addUser, say('users.login')).fill(SECRETARY.login);
      await field(addUser, say('users.displayName')).fill(SECRETARY.name);
      await addUser.getByRole('checkbox', { name: say('roles.secretary') }).check();
      await addUser.getByRole('button', { name: say('users.generate') }).click();
      const initial = await field(addUser, say('users.initialPassphrase')).inputValue();
      await addUser.getByRole('button', { name: say('users.submitAdd'), exact: true }).click();
      await expect(page.getByTestId('created-credentials')).toContainText(initial);
      await expectAccessible(page, 'a new user: the initial passphrase');
      await addUser.getByRole('button', { name: say('common.done') }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await nav.getByRole('button', { name: say('audit.nav'), exact: true }).click();
      await expect(page.getByRole('table', { name: say('audit.title') }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'audit log');
      await field(page, say('audit.from')).click();
      const calendar = page.locator('[data-dates-dropdown]');
      await expect(calendar).toBeVisible();
      await expectAccessible(page, 'audit log: the calendar');
      await screenshot(page, `a11y-${language}-19-audit-calendar`);
      await page.keyboard.press('Escape');
      await expect(calendar).toHaveCount(0);
      await page.getByRole('textbox', { name: say('audit.action') }).click();
      await page.getByRole('option', { name: say('session.auditActions.auth.unlock'), exact: true }).click();
      await page.getByRole('textbox', { name: say('audit.user') }).click();
      await page.getByRole('option').first().click();
      await page.getByRole('button', { name: say('audit.apply') }).click();
      await page.getByRole('button', { name: say('audit.verifyFull') }).click();
      await expect(page.getByTestId('verify-result')).toBeVisible();
      await expectAccessible(page, 'audit log: filtered and verified');
      await screenshot(page, `a11y-${language}-19-audit`);

      await nav.getByRole('button', { name: say('settings.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('settings.title') })).toBeVisible();
      await expectAccessible(page, 'settings');
      await screenshot(page, `a11y-${language}-20-settings`);

      await nav.getByRole('button', { name: say('parameters.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('parameters.title') })).toBeVisible();
      await expect(page.getByRole('table', { name: say('parameters.termKeys.interview') })).toBeVisible();
      await expectAccessible(page, 'procedure parameters: terms');
      await screenshot(page, `a11y-${language}-20b-parameters`);
      await page.getByRole('button', { name: say('parameters.newVersionOf', { name: say('parameters.termKeys.interview') }) }).click();
      await expect(page.getByRole('dialog', { name: say('parameters.terms.versionTitle', { term: say('parameters.termKeys.interview') }) })).toBeVisible();
      await expectAccessible(page, 'procedure parameters: a new version of a term');
      await page.getByRole('dialog').getByRole('button', { name: say('common.cancel') }).click();
      for (const tab of ['daysOff', 'minimums', 'bodies', 'options']) {
        await page.getByRole('tab', { name: say(`parameters.tabs.${tab}`) }).click();
        await expectAccessible(page, `procedure parameters: ${tab}`);
        await screenshot(page, `a11y-${language}-20c-parameters-${tab}`);
      }

      await nav.getByRole('button', { name: say('session.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('session.changePassphrase.pageTitle') })).toBeVisible();
      await expectAccessible(page, 'my passphrase');

      await nav.getByRole('button', { name: say('about.nav'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('about.title') })).toBeVisible();
      await expectAccessible(page, 'about');
      await screenshot(page, `a11y-${language}-21-about`);

      await page.getByRole('button', { name: new RegExp(say('common.lock')) }).click();
      await expect(page.getByTestId('lock-reason')).toBeVisible();
      await expectAccessible(page, 'locked');
      await screenshot(page, `a11y-${language}-22-locked`);

      await field(page, say('session.unlock.login')).fill(SECRETARY.login);
      await field(page, say('session.unlock.passphrase')).fill(initial);
      await page.getByRole('button', { name: say('session.unlock.submit') }).click();
      await expect(page.getByRole('heading', { level: 1, name: say('session.changePassphrase.forcedTitle') })).toBeVisible();
      await expectAccessible(page, 'the forced change of an initial passphrase');
      await screenshot(page, `a11y-${language}-23-forced-change`);
    });
  });
}
