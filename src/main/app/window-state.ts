import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../store/files';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface InitialWindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1366, height: 768 };
export const MIN_SIZE = { width: 1024, height: 700 };

/** The title bar must be reachable: this much of the window has to overlap one display's work area. */
const MIN_VISIBLE = { width: 100, height: 50 };

function isFiniteRect(value: unknown): value is Rect {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function readWindowState(path: string): WindowState | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowState>;
    if (!isFiniteRect(parsed.bounds)) return null;
    return { bounds: parsed.bounds, maximized: parsed.maximized === true };
  } catch {
    // A damaged state file only costs the remembered placement.
    return null;
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(state));
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function isOnSomeDisplay(bounds: Rect, workAreas: Rect[]): boolean {
  return workAreas.some((area) => {
    const o = overlap(bounds, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
}

/**
 * Where the window opens. A position saved on a monitor that has since been unplugged is dropped,
 * otherwise the window would open where nobody can see or move it.
 */
export function initialPlacement(state: WindowState | null, workAreas: Rect[]): InitialWindowPlacement {
  if (!state) return { ...DEFAULT_SIZE, maximized: false };
  const width = Math.max(MIN_SIZE.width, Math.round(state.bounds.width));
  const height = Math.max(MIN_SIZE.height, Math.round(state.bounds.height));
  const bounds = { x: Math.round(state.bounds.x), y: Math.round(state.bounds.y), width, height };
  if (!isOnSomeDisplay(bounds, workAreas)) return { ...DEFAULT_SIZE, maximized: state.maximized };
  return { ...bounds, maximized: state.maximized };
}
