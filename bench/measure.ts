import { performance } from 'node:perf_hooks';

/** Times `runs` calls after one warm-up; returns the sorted durations in milliseconds. */
export async function sample(runs: number, action: () => Promise<unknown> | unknown): Promise<number[]> {
  await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** A Markdown table, so the output pastes into the README as it is. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
