import type { TFunction } from 'i18next';
import type { Territory, TerritoryRef } from '../../../shared/domain/territories';

/**
 * A unit as people write it: «с. Андріївка», «Андріївська громада», «Полтавська область». The Autonomous Republic
 * of Crimea is named in full by the codifier and takes no word after it.
 */
export function territoryName(t: TFunction, unit: TerritoryRef): string {
  if (unit.category === 'O' && unit.name.includes(' ')) return unit.name;
  return t(`territories.named.${unit.category}`, { name: unit.name });
}

/** The unit and the units it lies in, nearest first: «с. Андріївка, Андріївська громада, Бахчисарайський район, …». */
export function territoryPath(t: TFunction, unit: Territory): string {
  return [unit, ...unit.within].map((u) => territoryName(t, u)).join(', ');
}
