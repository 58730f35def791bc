/**
 * Named steps where the crash tests kill the process, to prove a change survives a kill at exactly that
 * instant. Inert unless ZLAGODA_CRASH_AT names the step; no step writes or logs anything.
 */
export type CrashPoint = 'slots.pending-written' | 'slots.committed' | 'rekey.copied' | 'rekey.swapped';

export function crashPoint(name: CrashPoint): void {
  if (process.env.ZLAGODA_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
