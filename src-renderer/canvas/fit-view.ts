// How the canvas frames the graph: never below a zoom where node text stays readable, and clear of the minimap.
import type { FitViewOptions } from '@xyflow/react';

/** The lowest zoom "Fit view" goes to: node summaries are 12 px on screen there. A larger graph is framed from its centre. */
export const READABLE_ZOOM = 0.5;
/** Below this zoom nodes show only their summary (task and status, 26 px: 11.7 px on screen at FAR_ZOOM). */
export const SUMMARY_ZOOM = 0.7;
/** Below this zoom the summary grows to 40 px (12 px on screen at MIN_ZOOM). */
export const FAR_ZOOM = 0.45;
/** The canvas's lowest zoom. */
export const MIN_ZOOM = 0.3;
/** The minimap's size on screen (px); fit view keeps the graph out of its corner. */
export const MINIMAP_SIZE = { width: 168, height: 112 };

/** The room fit view leaves above the graph (the toolbar) and to its left. */
const MARGIN = { top: 56, left: 56 };

/**
 * Where an empty canvas looks: zoom 1, the flow's origin clear of the toolbar. A plan streaming into it starts
 * there, readable, and is framed once laid out (framing the first tasks instead could land a large plan's
 * quick placement on an empty stretch between its columns).
 */
export const EMPTY_CANVAS_VIEWPORT = { x: MARGIN.left, y: MARGIN.top, zoom: 1 };

/**
 * The fit-view options for the current chrome. The minimap sits in the bottom-right corner: the graph is kept
 * above it (plans are laid out left to right, so height is the cheaper side to give up).
 */
export function fitViewOptions(minimap: boolean, duration = 200): FitViewOptions {
  return {
    padding: { top: `${MARGIN.top}px`, left: `${MARGIN.left}px`, right: '48px', bottom: minimap ? `${MINIMAP_SIZE.height + 28}px` : '24px' },
    minZoom: READABLE_ZOOM,
    maxZoom: 1,
    duration,
  };
}

/** The level of detail for a zoom: full nodes, or summaries (larger when very far out). */
export const detailAt = (zoom: number): 'full' | 'summary' | 'far' => (zoom < FAR_ZOOM ? 'far' : zoom < SUMMARY_ZOOM ? 'summary' : 'full');
