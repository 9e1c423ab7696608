// The app's keyboard shortcuts: one table for the handler and the help overlay (`?`).

/** One shortcut as the help overlay lists it. */
export type Shortcut = { keys: string; does: string };

/** Every shortcut, in the order the help shows them (editing ones are handled by the canvas). */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Enter', does: 'Plan the request (in the Request box; Shift+Enter for a new line)' },
  { keys: 'Ctrl+Enter', does: 'Run the graph (only what changed after a first run)' },
  { keys: 'Ctrl+S', does: 'Save the graph as a workflow' },
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

/** What an app-level key press asks for, if anything. */
export function appShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): 'run' | 'save' | 'help' | undefined {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && e.key === 'Enter') return 'run';
  if (mod && !e.altKey && e.key.toLowerCase() === 's') return 'save';
  if (!mod && e.key === '?' && !isTyping(e.target)) return 'help';
  return undefined;
}
