import type { z } from 'zod';
import { audit } from './audit';
import { documents } from './documents';
import { group } from './group';
import { meetings } from './meetings';
import { session } from './session';
import { system } from './system';
import { users } from './users';

/** Every channel the renderer may call. Adding a feature = adding its part here. */
export const contract = { ...session, ...users, ...audit, ...system, ...group, ...meetings, ...documents };

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ChannelSpec, ChannelKind, ContractPart } from './types';
