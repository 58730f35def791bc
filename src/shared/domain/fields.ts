import { z } from 'zod';

/**
 * Field rules every record shares. A refinement's message is a key of `validation.*` in the interface texts,
 * so the window and the command line say the same sentence for the same rule.
 *
 * Every length limit comes before any pattern and stops the checks after it (`abort`): zod runs the checks after a
 * failed one unless told otherwise, and a pattern over a 10 MB string can overflow the regular-expression stack.
 */
export const STOP = { abort: true } as const;

/**
 * Characters no single-line text may hold: control characters (C0, DEL, C1; tab and line feed included), lone
 * UTF-16 surrogates (half an emoji: SQLite would store U+FFFD) and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which make text read in another order than it is stored.
 */
export const SINGLE_LINE = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;
/** The same for text of several lines: tab and line feed are allowed there. */
export const MULTI_LINE = /^(?:[\t\n]|[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069])*$/u;

export const Id = z.string().min(1).max(64, STOP).regex(SINGLE_LINE, 'characters');
export const IsoDate = z.string().max(10, { ...STOP, error: 'date' }).check(z.iso.date());
export const Time = z.string().max(5, { ...STOP, error: 'time' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
/** Trimmed free text on one line of at most `max` characters. */
export const Text = (max: number) => z.string().trim().max(max, STOP).regex(SINGLE_LINE, 'characters');
/** Trimmed free text of several lines (tab and line feed allowed) of at most `max` characters. */
export const MultilineText = (max: number) => z.string().trim().max(max, STOP).regex(MULTI_LINE, 'characters');
