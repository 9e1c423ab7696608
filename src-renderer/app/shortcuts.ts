// The app's keyboard shortcuts: one table for the handler and the help overlay (`?`).

/** One shortcut as the help overlay lists it. */
export type Shortcut = { keys: string; does: string };

/** Every shortcut, in the order the help shows them (editing ones are handled by the canvas). */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Enter', does: 'Plan the request (in the Request box; Shift+Enter for a new line)' },
  { keys: 'Ctrl+Enter', does: 'Run the graph (only what changed after a first run)' },
  { keys: 'Ctrl+S', does: 'Save the graph as a workflow' },
  { keys: 'Ctrl+T / Ctrl+W', does: 'New tab / close the tab (desktop app; in a browser use + and ×)' },
  { keys: 'Ctrl+Tab / Ctrl+Shift+Tab', does: 'Next / previous tab (desktop app; in a browser, ← → in the tab bar)' },
  { keys: 'Ctrl+Z / Ctrl+Shift+Z', does: 'Undo / redo' },
  { keys: 'Ctrl+C / Ctrl+V', does: 'Copy / paste the selected tasks' },
  { keys: 'Delete', does: 'Delete the selected tasks or wires' },
  { keys: 'Tab, then Enter', does: 'Move between tasks on the canvas and select one' },
  { keys: 'Esc', does: 'Close a dialog or the task palette' },
  { keys: '?', does: 'Show this help' },
];

/** Whether a key event comes from a place where the user types text. */
export const isTyping = (t: EventTarget | null): boolean =>
  typeof HTMLElement !== 'undefined' && t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** An app-level action a key press can ask for. */
export type AppShortcut = 'run' | 'save' | 'help' | 'new-tab' | 'close-tab' | 'next-tab' | 'previous-tab';

/**
 * What an app-level key press asks for, if anything. The tab keys reach the page only in the desktop app
 * (a browser keeps Ctrl+T, Ctrl+W and Ctrl+Tab for its own tabs).
 */
export function appShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): AppShortcut | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key === 'Enter') return 'run';
  if (mod && !e.altKey && e.key.toLowerCase() === 's') return 'save';
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 't') return 'new-tab';
  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'w') return 'close-tab';
  if (e.ctrlKey && !e.altKey && (e.key === 'Tab' || e.key === 'PageDown' || e.key === 'PageUp')) {
    return e.key === 'PageUp' || (e.key === 'Tab' && e.shiftKey) ? 'previous-tab' : 'next-tab';
  }
  if (!mod && e.key === '?' && !isTyping(e.target)) return 'help';
  return undefined;
}
