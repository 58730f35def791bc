import { screen, within } from '@testing-library/react';
import { CODE_PREFIX, searchName, type Territory, type TerritoryRef } from '../../src/shared/domain/territories';
import type { User } from './samples';

const OBLAST: TerritoryRef = { code: 'UA53000000000028050', category: 'O', name: 'Полтавська' };
const RAION: TerritoryRef = { code: 'UA53080000000068029', category: 'P', name: 'Полтавський' };
const HROMADA: TerritoryRef = { code: 'UA53080370000025447', category: 'H', name: 'Полтавська' };
const unit = (ref: TerritoryRef, within: TerritoryRef[], droppedIn: string | null = null): Territory => ({ ...ref, within, droppedIn });

/** Real units of the codifier (edition of 16.05.2025): Полтава, and two Андріївкаs only their hierarchy tells apart. */
export const TERRITORIES: Territory[] = [
  unit(OBLAST, []),
  unit(RAION, [OBLAST]),
  unit(HROMADA, [RAION, OBLAST]),
  unit({ code: 'UA53080370010073240', category: 'M', name: 'Полтава' }, [HROMADA, RAION, OBLAST]),
  unit({ code: 'UA53080370030037977', category: 'C', name: 'Андріївка' }, [HROMADA, RAION, OBLAST]),
  unit({ code: 'UA01020010010075540', category: 'C', name: 'Андріївка' }, [
    { code: 'UA01020010000048857', category: 'H', name: 'Андріївська' },
    { code: 'UA01020000000022387', category: 'P', name: 'Бахчисарайський' },
    { code: 'UA01000000000013043', category: 'O', name: 'Автономна Республіка Крим' },
  ]),
];

/** The main process's search, as far as a screen can tell: by name prefix (case and apostrophes aside) or by code prefix. */
export function searchSample(text: string, limit = 20): Territory[] {
  const byCode = CODE_PREFIX.test(text);
  const prefix = byCode ? text.toUpperCase() : searchName(text);
  return TERRITORIES.filter((t) => (byCode ? t.code.startsWith(prefix) : searchName(t.name).startsWith(prefix)) && t.droppedIn === null).slice(0, limit);
}

export const territoryHandlers = {
  'territories:options': () => ({
    oblast: '',
    edition: { edition: '2025-05-16', loadedAt: '2026-03-01T08:00:00.000Z', units: 31_748, dropped: 0 },
    oblasts: [TERRITORIES[5]!.within[2]!, OBLAST],
  }),
  'territories:search': (input: { text: string; limit?: number }) => searchSample(input.text, input.limit),
  'territories:get': (input: { codes: string[] }) => TERRITORIES.filter((t) => input.codes.includes(t.code)),
};

/** Types into a territory picker and chooses the option whose words match, as a user does with the keyboard or the mouse. */
export async function pickTerritory(user: User, label: string | RegExp, typed: string, option: string | RegExp, scope: HTMLElement = document.body): Promise<void> {
  const box = within(scope).getByRole('textbox', { name: label });
  await user.clear(box);
  await user.type(box, typed);
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}
