// The app shell: chat on the left, the canvas in the middle, the inspector on the right, settings on demand.
import { useState } from 'react';
import { Canvas } from '../canvas/Canvas';
import { ChatPanel } from '../chat/ChatPanel';
import { Inspector } from '../inspector/Inspector';
import { SettingsPanel } from '../settings/SettingsPanel';
import { ConnectionBadge } from './ConnectionBadge';

/** The whole window. */
export function App() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">HuggingGPT Studio</span>
        <span className="spacer" />
        <ConnectionBadge />
        <button type="button" className="btn" onClick={() => setSettingsOpen(true)} aria-haspopup="dialog">
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
      {settingsOpen && <SettingsPanel onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
