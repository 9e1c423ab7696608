// Lays the graph out with ELK when asked (new plan, "Auto layout") or when tasks arrive without a position.
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useStudio, useStudioStore } from '../app/studio-context';
import { useUiPrefs } from '../app/ui-prefs';
import { layoutTasks } from '../store/layout';
import { fitViewOptions } from './fit-view';

/** Keeps positions for every task, and fits the view after a layout. */
export function useAutoLayout(): void {
  const store = useStudioStore();
  const { fitView } = useReactFlow();
  const minimap = useUiPrefs((p) => p.minimap);
  const request = useStudio((s) => s.layout.layoutRequest);
  const missing = useStudio((s) => s.tasks.filter((t) => !s.layout.positions[t.id]).length);
  const handled = useRef(0);
  useEffect(() => {
    const { tasks } = store.getState();
    if (!tasks.length || (missing === 0 && request === handled.current)) return;
    handled.current = request;
    let stale = false;
    const timer = setTimeout(() => {
      const s = store.getState();
      layoutTasks(s.tasks, s.layout.sizes)
        .then((positions) => {
          if (stale) return;
          store.getState().setPositions(positions);
          requestAnimationFrame(() => void fitView(fitViewOptions(minimap)));
        })
        .catch((e: unknown) => store.getState().notify(`Layout failed: ${e instanceof Error ? e.message : String(e)}`, 'error'));
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [store, fitView, request, missing, minimap]);
}
