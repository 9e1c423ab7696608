// The app shell: chat on the left, the tabs and the canvas in the middle, the inspector on the right (both resizable and
// collapsible, remembered), the header's status badges, dialogs, and the app-level shortcuts.
import { useCallback, useEffect, useState, type CSSProperties } from 'react';
import { RunsPanel } from '../library/RunsPanel';
import { SaveWorkflowDialog } from '../library/SaveWorkflowDialog';
import { WorkflowsPanel } from '../library/WorkflowsPanel';
import { Canvas } from '../canvas/Canvas';
import { ChatPanel } from '../chat/ChatPanel';
import { Inspector } from '../inspector/Inspector';
import { OutputViewer } from '../outputs/OutputViewer';
import { SettingsPanel } from '../settings/SettingsPanel';
import { ConnectionBadge, LlmBadge } from './ConnectionBadge';
import { DialogContext, type DialogRequest } from './dialogs';
import { PanelResizer } from './PanelResizer';
import { SetupDialog } from './SetupDialog';
import { ShortcutsHelp } from './ShortcutsHelp';
import { TabBar } from './TabBar';
import { useController, useStudio, useStudioStore } from './studio-context';
import { useUiPrefs } from './ui-prefs';
import { useAppShortcuts } from './use-app-shortcuts';

/** The whole window. */
export function App() {
  const store = useStudioStore();
  const controller = useController();
  const [dialog, setDialog] = useState<DialogRequest>();
  const hasTasks = useStudio((s) => s.tasks.length > 0);
  const tabId = useStudio((s) => s.tabId);
  const prefs = useUiPrefs((p) => p);
  const close = useCallback(() => setDialog(undefined), []);
  const open = useCallback((d: DialogRequest) => setDialog(d), []);
  useAppShortcuts(store, controller, open, dialog !== undefined);

  // Check the LLM at start; the first launch without one opens the guided setup once.
  useEffect(() => {
    void controller.llm.getState().check().then(() => {
      if (controller.llm.getState().readiness === 'unconfigured' && !prefs.setupSeen) {
        prefs.update({ setupSeen: true });
        setDialog((d) => d ?? { kind: 'setup' });
      }
    });
    // Once per window (prefs are read as they were at start): later checks follow the settings dialogs closing.
  }, [controller]);
  const closeAndRecheck = useCallback(() => {
    setDialog(undefined);
    void controller.llm.getState().check();
  }, [controller]);

  const columns: CSSProperties = {
    gridTemplateColumns: `${prefs.chatCollapsed ? 0 : prefs.chatWidth}px minmax(0, 1fr) ${prefs.inspectorCollapsed ? 0 : prefs.inspectorWidth}px`,
  };
  return (
    <DialogContext.Provider value={open}>
      <div className="app" style={columns}>
        <header className="app-header">
          <span className="app-title">HuggingGPT Studio</span>
          <button type="button" className="btn btn-quiet" aria-pressed={!prefs.chatCollapsed} onClick={() => prefs.update({ chatCollapsed: !prefs.chatCollapsed })} title="Show or hide the chat panel">
            Chat
          </button>
          <button type="button" className="btn btn-quiet" aria-pressed={!prefs.inspectorCollapsed} onClick={() => prefs.update({ inspectorCollapsed: !prefs.inspectorCollapsed })} title="Show or hide the inspector panel">
            Inspector
          </button>
          <span className="spacer" />
          <LlmBadge />
          <ConnectionBadge />
          <button type="button" className="btn" disabled={!hasTasks} onClick={() => open({ kind: 'save' })} aria-haspopup="dialog" title="Save workflow (Ctrl+S)">
            Save workflow
          </button>
          <button type="button" className="btn" onClick={() => open({ kind: 'workflows' })} aria-haspopup="dialog">Workflows</button>
          <button type="button" className="btn" onClick={() => open({ kind: 'runs' })} aria-haspopup="dialog">Runs</button>
          <button type="button" className="btn" onClick={() => open({ kind: 'settings' })} aria-haspopup="dialog">Settings</button>
          <button type="button" className="btn btn-quiet" onClick={() => open({ kind: 'help' })} aria-haspopup="dialog" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
        </header>
        <aside className="pane pane-chat" aria-label="Chat" hidden={prefs.chatCollapsed}>
          <ChatPanel />
        </aside>
        <TabBar />
        <main className="pane pane-canvas" aria-label="Canvas">
          <PanelResizer side="left" label="Chat panel width" width={prefs.chatWidth} collapsed={prefs.chatCollapsed}
            onResize={(chatWidth) => prefs.update({ chatWidth })} onToggle={() => prefs.update({ chatCollapsed: !prefs.chatCollapsed })} />
          {/* A new canvas per tab: it fits the view to that tab's graph as on a reload. */}
          <Canvas key={tabId} />
          <PanelResizer side="right" label="Inspector panel width" width={prefs.inspectorWidth} collapsed={prefs.inspectorCollapsed}
            onResize={(inspectorWidth) => prefs.update({ inspectorWidth })} onToggle={() => prefs.update({ inspectorCollapsed: !prefs.inspectorCollapsed })} />
        </main>
        <aside className="pane pane-inspector" aria-label="Inspector" hidden={prefs.inspectorCollapsed}>
          <Inspector />
        </aside>
        {dialog?.kind === 'settings' && <SettingsPanel onClose={closeAndRecheck} />}
        {dialog?.kind === 'setup' && <SetupDialog onClose={closeAndRecheck} />}
        {dialog?.kind === 'save' && <SaveWorkflowDialog onClose={close} />}
        {dialog?.kind === 'workflows' && <WorkflowsPanel onClose={close} />}
        {dialog?.kind === 'runs' && <RunsPanel onClose={close} />}
        {dialog?.kind === 'help' && <ShortcutsHelp onClose={close} />}
        {dialog?.kind === 'output' && <OutputViewer viewed={dialog.viewed} onClose={close} />}
      </div>
    </DialogContext.Provider>
  );
}
