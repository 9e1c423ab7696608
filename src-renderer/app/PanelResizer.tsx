// The handle between a side panel and the canvas: drag or arrow keys to resize, Enter or double-click to collapse.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampPanelWidth, PANEL_WIDTH } from './ui-prefs';

/** Props: which panel, its width, whether it is collapsed, and how to change both. */
export type PanelResizerProps = {
  side: 'left' | 'right';
  label: string;
  width: number;
  collapsed: boolean;
  onResize: (width: number) => void;
  onToggle: () => void;
};

const KEY_STEP = 24;

/** A vertical separator at the canvas edge next to a side panel. */
export function PanelResizer({ side, label, width, collapsed, onResize, onToggle }: PanelResizerProps) {
  const drag = useRef<{ x: number; width: number }>(undefined);
  const sign = side === 'left' ? 1 : -1;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (collapsed || e.button !== 0) return;
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(clampPanelWidth(drag.current.width + sign * (e.clientX - drag.current.x)));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') onToggle();
    else if (!collapsed && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) onResize(clampPanelWidth(width + (e.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP) * sign));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`panel-resizer resizer-${side}${collapsed ? ' is-collapsed' : ''}`}
      role="separator" aria-orientation="vertical" aria-label={label} tabIndex={0}
      aria-valuemin={PANEL_WIDTH.min} aria-valuemax={PANEL_WIDTH.max} aria-valuenow={collapsed ? 0 : width}
      title={`${label}: drag or use the arrow keys to resize, Enter or double-click to ${collapsed ? 'show' : 'hide'}`}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={() => { drag.current = undefined; }}
      onDoubleClick={onToggle} onKeyDown={onKeyDown}
    />
  );
}
