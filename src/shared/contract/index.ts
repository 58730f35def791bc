import type { z } from 'zod';
import { about } from './about';
import { assignments } from './assignments';
import { audit } from './audit';
import { backup } from './backup';
import { cases } from './cases';
import { dashboard } from './dashboard';
import { drafts } from './drafts';
import { group } from './group';
import { meetings } from './meetings';
import { organisations } from './organisations';
import { parameters } from './parameters';
import { persons } from './persons';
import { referrals } from './referrals';
import { session } from './session';
import { settings } from './settings';
import { territories } from './territories';
import { trainings } from './trainings';
import { prevention } from './prevention';
import { coverage } from './coverage';
import { reports } from './reports';
import { inbox } from './inbox';
import { users } from './users';

/** Every channel the renderer may call. Adding a feature = importing its part and spreading it here. */
export const contract = {
  ...session,
  ...users,
  ...audit,
  ...settings,
  ...about,
  ...organisations,
  ...group,
  ...meetings,
  ...assignments,
  ...dashboard,
  ...drafts,
  ...backup,
  ...parameters,
  ...cases,
  ...persons,
  ...referrals,
  ...territories,
  ...trainings,
  ...prevention,
  ...coverage,
  ...reports,
  ...inbox,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
/** A feature is the part of a channel's name before the colon: `meetings` of `meetings:list`. */
export type Feature = Channel extends infer C ? (C extends `${infer F}:${string}` ? F : never) : never;
export type ChannelOf<F extends Feature> = Extract<Channel, `${F}:${string}`>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function featureOf(channel: string): string {
  return channel.slice(0, channel.indexOf(':'));
}

export type { ChannelSpec, ChannelKind, ContractPart } from './types';
