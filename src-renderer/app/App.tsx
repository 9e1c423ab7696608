// The app shell: chat on the left, the canvas in the middle, the inspector on the right, settings on demand.
import { useState } from 'react';
import { RunsPanel } from '../library/RunsPanel';
import { SaveWorkflowDialog } from '../library/SaveWorkflowDialog';
import { WorkflowsPanel } from '../library/WorkflowsPanel';
import { Canvas } from '../canvas/Canvas';
import { ChatPanel } from '../chat/ChatPanel';
import { Inspector } from '../inspector/Inspector';
import { SettingsPanel } from '../settings/SettingsPanel';
import { ConnectionBadge } from './ConnectionBadge';
import { useStudio } from './studio-context';

type Dialog = 'settings' | 'save' | 'workflows' | 'runs';

/** The whole window. */
export function App() {
  const [dialog, setDialog] = useState<Dialog>();
  const hasTasks = useStudio((s) => s.tasks.length > 0);
  const close = () => setDialog(undefined);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">HuggingGPT Studio</span>
        <span className="spacer" />
        <ConnectionBadge />
        <button type="button" className="btn" disabled={!hasTasks} onClick={() => setDialog('save')} aria-haspopup="dialog">
          Save workflow
        </button>
        <button type="button" className="btn" onClick={() => setDialog('workflows')} aria-haspopup="dialog">
          Workflows
        </button>
        <button type="button" className="btn" onClick={() => setDialog('runs')} aria-haspopup="dialog">
          Runs
        </button>
        <button type="button" className="btn" onClick={() => setDialog('settings')} aria-haspopup="dialog">
          Settings
        </button>
      </header>
      <aside className="pane pane-chat" aria-label="Chat">
        <ChatPanel />
      </aside>
      <main className="pane pane-canvas" aria-label="Canvas">
        <Canvas />
      </main>
      <aside className="pane pane-inspector" aria-label="Inspector">
        <Inspector />
      </aside>
      {dialog === 'settings' && <SettingsPanel onClose={close} />}
      {dialog === 'save' && <SaveWorkflowDialog onClose={close} />}
      {dialog === 'workflows' && <WorkflowsPanel onClose={close} />}
      {dialog === 'runs' && <RunsPanel onClose={close} />}
    </div>
  );
}
