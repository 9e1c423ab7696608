// Installs the app-level shortcuts (run, save, help) on the window.
import { useEffect } from 'react';
import type { OpenDialog } from './dialogs';
import { appShortcut } from './shortcuts';
import type { StudioController } from './controller';
import type { StudioStore } from '../store/studio-store';

/** Ctrl+Enter runs, Ctrl+S opens "Save workflow", `?` opens the shortcuts help (not while a dialog is open). */
export function useAppShortcuts(store: StudioStore, controller: StudioController, open: OpenDialog, dialogOpen: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = appShortcut(e);
      if (!action || e.defaultPrevented) return;
      e.preventDefault();
      if (dialogOpen) return;
      if (action === 'help') open({ kind: 'help' });
      else if (action === 'run') void controller.run();
      else if (store.getState().tasks.length) open({ kind: 'save' });
      else store.getState().notify('Nothing to save yet: plan a request or add a task first.');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, controller, open, dialogOpen]);
}
