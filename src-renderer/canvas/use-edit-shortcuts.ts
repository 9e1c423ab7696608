// Keyboard shortcuts for editing (not while typing in a field): Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo,
// Ctrl+A selects every task, Ctrl+C / Ctrl+V copy and paste the selected tasks (with their model choices).
import { useEffect, useRef } from 'react';
import type { PlanTask } from '../../src-shared/plan';
import type { Selections } from '../../src-shared/selection';
import { useStudioStore } from '../app/studio-context';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Installs the editing shortcuts on the window. */
export function useEditShortcuts(): void {
  const store = useStudioStore();
  const clipboard = useRef<{ tasks: PlanTask[]; selections: Selections }>(undefined);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      const s = store.getState();
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) s.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') s.redo();
      else if (key === 'c') {
        const ids = new Set(s.selectedTaskIds);
        if (ids.size === 0) return;
        clipboard.current = { tasks: s.tasks.filter((t) => ids.has(t.id)), selections: s.selections };
      } else if (key === 'v' && clipboard.current) s.pasteTasks(clipboard.current.tasks, clipboard.current.selections);
      else if (key === 'a') s.selectTasks(s.tasks.map((t) => t.id), s.selectedTaskId);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
