// Canvas actions: add a task from the palette, auto layout, fit view, undo, redo, show or hide the minimap.
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useController, useStudio, useStudioStore } from '../app/studio-context';
import { useUiPrefs } from '../app/ui-prefs';
import { fitViewOptions } from './fit-view';
import { TaskPalette } from './TaskPalette';

/** The toolbar at the top left of the canvas. */
export function CanvasToolbar() {
  const store = useStudioStore();
  const controller = useController();
  const { fitView, screenToFlowPosition } = useReactFlow();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const canUndo = useStudio((s) => s.past.length > 0);
  const canRedo = useStudio((s) => s.future.length > 0);
  const hasTasks = useStudio((s) => s.tasks.length > 0);
  const minimap = useUiPrefs((p) => p.minimap);
  const updatePrefs = useUiPrefs((p) => p.update);

  const add = (type: string) => {
    setPaletteOpen(false);
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const at = pane ? screenToFlowPosition({ x: pane.left + pane.width / 2 - 120, y: pane.top + pane.height / 3 }) : { x: 0, y: 0 };
    store.getState().addTask(type, at);
    void controller.selectMissing();
  };

  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <div className="palette-anchor">
        <button type="button" className="btn" aria-expanded={paletteOpen} onClick={() => setPaletteOpen((o) => !o)}>
          + Add task
        </button>
        {paletteOpen && <TaskPalette onPick={add} onClose={() => setPaletteOpen(false)} />}
      </div>
      <button type="button" className="btn" disabled={!hasTasks} onClick={() => store.getState().requestLayout()} title="Lay the graph out left to right">
        Auto layout
      </button>
      <button type="button" className="btn" disabled={!hasTasks} onClick={() => void fitView(fitViewOptions(minimap))} title="Frame the graph (never smaller than readable)">
        Fit view
      </button>
      <button type="button" className="btn" disabled={!canUndo} onClick={() => store.getState().undo()} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="btn" disabled={!canRedo} onClick={() => store.getState().redo()} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" className="btn" aria-pressed={minimap} onClick={() => updatePrefs({ minimap: !minimap })} title="Show or hide the minimap">
        Minimap
      </button>
    </div>
  );
}
