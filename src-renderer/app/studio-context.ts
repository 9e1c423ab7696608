// React access to the one store and the controller: selector hooks over a context (no module-level store).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Studio, StudioStore } from '../store/studio-store';
import type { StudioController } from './controller';

/** The store and the controller of this window. */
export type StudioContextValue = { store: StudioStore; controller: StudioController };

export const StudioContext = createContext<StudioContextValue | null>(null);

function useStudioContext(): StudioContextValue {
  const value = useContext(StudioContext);
  if (!value) throw new Error('StudioContext is missing');
  return value;
}

/** Reads a slice of the store; re-renders only when the selected value changes (Object.is). */
export function useStudio<T>(selector: (s: Studio) => T): T {
  return useStore(useStudioContext().store, selector);
}

/** The store itself, for actions and reads inside event handlers. */
export const useStudioStore = (): StudioStore => useStudioContext().store;

/** The controller (engine calls). */
export const useController = (): StudioController => useStudioContext().controller;
