// Entry point: one client, one store, one controller for this window.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { createStudioClient } from './api/client';
import { App } from './app/App';
import { createController } from './app/controller';
import { persistSession } from './app/session-persistence';
import { StudioContext } from './app/studio-context';
import { createUiPrefsStore, UiPrefsContext } from './app/ui-prefs';
import { createStudioStore } from './store/studio-store';

const client = createStudioClient();
const store = createStudioStore();
const controller = createController(client, store);
const prefs = createUiPrefsStore(window.localStorage);
const session = persistSession(client, store);
// Leaving the page saves what the debounce still holds.
window.addEventListener('pagehide', () => void session.flush());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioContext.Provider value={{ store, controller }}>
      <UiPrefsContext.Provider value={prefs}>
        <App />
      </UiPrefsContext.Provider>
    </StudioContext.Provider>
  </StrictMode>,
);
