// The main window's size, position and maximized state, remembered in <dataDir>/window-state.json.
// No electron import: the caller passes the displays' work areas, so this is tested in Node.
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../platform/atomic-file';

/** A rectangle in screen coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the window; no position means "let the OS place it". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The size of a first window. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_SIZE = { width: 640, height: 480 };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads the saved state; a missing or unreadable file gives the default (the window is not worth a warning). */
export function loadWindowState(path: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if (!isFiniteNumber(raw.width) || !isFiniteNumber(raw.height)) return { ...DEFAULT_WINDOW_STATE };
    const state: WindowState = { width: raw.width, height: raw.height, maximized: raw.maximized === true };
    if (isFiniteNumber(raw.x) && isFiniteNumber(raw.y)) Object.assign(state, { x: raw.x, y: raw.y });
    return state;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Saves the state atomically (write a temporary file, then rename over). */
export function saveWindowState(path: string, state: WindowState): void {
  writeFileAtomicSync(path, JSON.stringify(state));
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Makes a saved state fit the current displays: a window no longer on any display loses its position,
 * and its size is kept between the minimum and the largest work area.
 * @example fitToDisplays(loadWindowState(file), screen.getAllDisplays().map((d) => d.workArea))
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const maxWidth = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.round(Math.min(Math.max(state.width, MIN_SIZE.width), maxWidth));
  const height = Math.round(Math.min(Math.max(state.height, MIN_SIZE.height), maxHeight));
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const rect = { x: state.x, y: state.y, width, height };
  return workAreas.some((area) => overlaps(rect, area)) ? { ...fitted, x: Math.round(state.x), y: Math.round(state.y) } : fitted;
}
