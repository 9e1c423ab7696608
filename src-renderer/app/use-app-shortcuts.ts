// Installs the app-level shortcuts (run, save, help, tabs) on the window.
import { useEffect } from 'react';
import type { OpenDialog } from './dialogs';
import { appShortcut } from './shortcuts';
import type { StudioController } from './controller';
import type { StudioStore } from '../store/studio-store';

/** Ctrl+Enter runs, Ctrl+S opens "Save workflow", `?` opens the shortcuts help, Ctrl+T/W/Tab work the tabs (not while a dialog is open). */
export function useAppShortcuts(store: StudioStore, controller: StudioController, open: OpenDialog, dialogOpen: boolean): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = appShortcut(e);
      if (!action || e.defaultPrevented) return;
      e.preventDefault();
      if (dialogOpen) return;
      const s = store.getState();
      if (action === 'help') open({ kind: 'help' });
      else if (action === 'run') void controller.run();
      else if (action === 'new-tab') s.newTab();
      else if (action === 'close-tab') controller.closeTab(s.tabId);
      else if (action === 'next-tab' || action === 'previous-tab') s.showAdjacentTab(action === 'next-tab' ? 1 : -1);
      else if (s.tasks.length) open({ kind: 'save' });
      else s.notify('Nothing to save yet: plan a request or add a task first.');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, controller, open, dialogOpen]);
}
