// Lays the graph out with ELK when asked (new plan, "Auto layout") or when tasks arrive without a position,
// and pushes nodes apart whenever a measured size changes (outputs appeared), so no two nodes overlap.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { useStudio, useStudioStore } from '../app/studio-context';
import { layoutTasks } from '../store/layout';
import { separateOverlaps } from '../store/placement';

/** Keeps positions for every task, re-flows on size changes, and fits the view after a layout; true while one is pending. */
export function useAutoLayout(): boolean {
  const store = useStudioStore();
  const { fitView } = useReactFlow();
  const request = useStudio((s) => s.layout.layoutRequest);
  const missing = useStudio((s) => s.tasks.filter((t) => !s.layout.positions[t.id]).length);
  const sizes = useStudio((s) => s.layout.sizes);
  const handled = useRef(0);
  const laying = useRef(false);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const { tasks } = store.getState();
    if (!tasks.length || (missing === 0 && request === handled.current)) return;
    handled.current = request;
    let stale = false;
    laying.current = true;
    setPending(true);
    const timer = setTimeout(() => {
      const s = store.getState();
      layoutTasks(s.tasks, s.layout.sizes)
        .then((positions) => {
          if (stale) return;
          laying.current = false;
          setPending(false);
          // Tasks added while ELK worked keep their place; nothing may overlap the laid-out ones.
          const { positions: before, sizes } = store.getState().layout;
          const all = { ...before, ...positions };
          store.getState().setPositions({ ...positions, ...separateOverlaps(all, sizes) });
          requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 200 }));
        })
        .catch((e: unknown) => {
          laying.current = false;
          setPending(false);
          store.getState().notify(`Layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
        });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
      laying.current = false;
      setPending(false);
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
