// The window's layout preferences (side panel widths, collapsed panels, minimap), remembered in localStorage.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the window remembers between launches. */
export type UiPrefs = {
  chatWidth: number;
  inspectorWidth: number;
  chatCollapsed: boolean;
  inspectorCollapsed: boolean;
  minimap: boolean;
  /** The guided setup was shown once (it opens by itself only on a first launch without an LLM). */
  setupSeen: boolean;
};

/** The prefs with the action that changes (and saves) them. */
export type UiPrefsState = UiPrefs & { update(patch: Partial<UiPrefs>): void };
export type UiPrefsStore = StoreApi<UiPrefsState>;

/** Side panels are kept between these widths (px). */
export const PANEL_WIDTH = { min: 220, max: 640 };
const STORAGE_KEY = 'hgs.ui-prefs.v1';
const DEFAULTS: UiPrefs = { chatWidth: 300, inspectorWidth: 320, chatCollapsed: false, inspectorCollapsed: false, minimap: true, setupSeen: false };

/** A width clamped to what a side panel may take. */
export const clampPanelWidth = (px: number): number => Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, px)));

/** Reads saved prefs, keeping only well-typed fields (a damaged entry falls back to the defaults). */
export function parseUiPrefs(text: string | null): UiPrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // A damaged entry only costs the layout preferences.
  }
  const num = (k: 'chatWidth' | 'inspectorWidth') => (typeof raw[k] === 'number' && Number.isFinite(raw[k]) ? clampPanelWidth(raw[k]) : DEFAULTS[k]);
  const bool = (k: 'chatCollapsed' | 'inspectorCollapsed' | 'minimap' | 'setupSeen') => (typeof raw[k] === 'boolean' ? raw[k] : DEFAULTS[k]);
  return { chatWidth: num('chatWidth'), inspectorWidth: num('inspectorWidth'), chatCollapsed: bool('chatCollapsed'), inspectorCollapsed: bool('inspectorCollapsed'), minimap: bool('minimap'), setupSeen: bool('setupSeen') };
}

/** Creates the prefs store over `storage` (the window's localStorage; none in tests). */
export function createUiPrefsStore(storage?: Pick<Storage, 'getItem' | 'setItem'>): UiPrefsStore {
  return createStore<UiPrefsState>()((set, get) => ({
    ...parseUiPrefs(storage?.getItem(STORAGE_KEY) ?? null),
    update(patch) {
      set(patch);
      const { update: _, ...prefs } = get();
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
      } catch {
        // Storage full or denied: the layout still applies for this session.
      }
    },
  }));
}

export const UiPrefsContext = createContext<UiPrefsStore | null>(null);

/** Reads a slice of the layout preferences. */
export function useUiPrefs<T>(selector: (s: UiPrefsState) => T): T {
  const store = useContext(UiPrefsContext);
  if (!store) throw new Error('UiPrefsContext is missing');
  return useStore(store, selector);
}
