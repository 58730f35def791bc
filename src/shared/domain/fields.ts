import { z } from 'zod';

/**
 * Field rules every record shares. A refinement's message is a key of `validation.*` in the interface texts,
 * so the window and the command line say the same sentence for the same rule.
 */
export const Id = z.string().min(1).max(64);
export const IsoDate = z.iso.date();
export const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
/** Trimmed free text of at most `max` characters. */
export const Text = (max: number) => z.string().trim().max(max);
