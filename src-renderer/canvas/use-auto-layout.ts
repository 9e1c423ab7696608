// Lays the graph out with ELK when asked (new plan, "Auto layout") or when tasks arrive without a position,
// and pushes nodes apart whenever a measured size changes (outputs appeared), so no two nodes overlap.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useStudio, useStudioStore } from '../app/studio-context';
import { useUiPrefs } from '../app/ui-prefs';
import { layoutTasks } from '../store/layout';
import { separateOverlaps } from '../store/placement';
import { fitViewOptions } from './fit-view';

/** Keeps positions for every task, re-flows on size changes, and fits the view after a layout; true while one is pending. */
export function useAutoLayout(): boolean {
  const store = useStudioStore();
  const { fitView } = useReactFlow();
  // Read when fitting (a ref: showing or hiding the minimap must not cancel a pending layout).
  const minimap = useRef(false);
  minimap.current = useUiPrefs((p) => p.minimap);
  const request = useStudio((s) => s.layout.layoutRequest);
  const missing = useStudio((s) => s.tasks.filter((t) => !s.layout.positions[t.id]).length);
  const sizes = useStudio((s) => s.layout.sizes);
  const handled = useRef(0);
  const laying = useRef(false);
  // The latest layout started; only it may mark the canvas settled.
  const generation = useRef(0);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const { tasks } = store.getState();
    if (!tasks.length || (missing === 0 && request === handled.current)) return;
    handled.current = request;
    const mine = ++generation.current;
    let stale = false;
    let placed = false;
    laying.current = true;
    setPending(true);
    const settle = () => {
      if (generation.current !== mine) return;
      laying.current = false;
      setPending(false);
    };
    const timer = setTimeout(() => {
      const s = store.getState();
      layoutTasks(s.tasks, s.layout.sizes)
        .then((positions) => {
          if (stale) return;
          placed = true;
          laying.current = false;
          // Tasks added while ELK worked keep their place; nothing may overlap the laid-out ones.
          const { positions: before, sizes } = store.getState().layout;
          const all = { ...before, ...positions };
          store.getState().setPositions({ ...positions, ...separateOverlaps(all, sizes) });
          // Settled once the view has been fitted to the new layout (its animation done), at most 1.5 s later.
          requestAnimationFrame(() => {
            const fitted = fitView(fitViewOptions(minimap.current));
            void Promise.race([fitted, new Promise((resolve) => setTimeout(resolve, 1500))]).finally(settle);
          });
        })
        .catch((e: unknown) => {
          settle();
          store.getState().notify(`Layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
        });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
      // A layout cut short leaves nothing pending (a newer one sets it again); a placed one settles after its fit.
      if (!placed) settle();
    };
  }, [store, fitView, request, missing]);

  // A node that grew (outputs, an error) pushes the nodes below it down; a pending layout does it itself.
  useEffect(() => {
    if (laying.current) return;
    const { positions } = store.getState().layout;
    const moved = separateOverlaps(positions, sizes);
    if (Object.keys(moved).length) store.getState().setPositions(moved);
  }, [store, sizes]);
  return pending;
}
