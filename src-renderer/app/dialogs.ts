// Which dialog is open, and a way for any component to open one (a failed plan opens the LLM settings, ...).
import { createContext, useContext } from 'react';
import type { TaskOutput } from '../../src-shared/resources';

/** One output opened in the output viewer, with what names it. */
export type ViewedOutput = { taskId: number; taskType: string; output: TaskOutput; siblings: TaskOutput[] };

/** A dialog and what it shows. */
export type DialogRequest =
  | { kind: 'settings' | 'save' | 'workflows' | 'runs' | 'help' | 'setup' }
  | { kind: 'output'; viewed: ViewedOutput };

/** Opens a dialog over the app (replacing the open one). */
export type OpenDialog = (request: DialogRequest) => void;

export const DialogContext = createContext<OpenDialog>(() => undefined);

/** The function that opens a dialog. */
export const useOpenDialog = (): OpenDialog => useContext(DialogContext);
