// The tab bar above the canvas: one tab per open graph and its conversation, a dot on tabs with unsaved edits
// and a spinner on tabs whose run is going on; new tab, close (asking when edits would be lost), arrow keys.
import { useMemo, type KeyboardEvent } from 'react';
import { isRunning } from '../store/studio-state';
import { tabDocument, tabTitle } from '../store/tab-document';
import { useController, useStudio, useStudioStore } from './studio-context';

type TabView = { id: string; title: string; edited: boolean; running: boolean };

/** The open tabs. */
export function TabBar() {
  const store = useStudioStore();
  const controller = useController();
  const shown = useStudio((s) => s.tabId);
  // One string, so the bar re-renders only when what it shows changes (not on every run event).
  const key = useStudio((s) => JSON.stringify(s.tabs.map((id): TabView => {
    const doc = tabDocument(s, id);
    return { id, title: tabTitle(doc), edited: doc.edited, running: isRunning(doc) };
  })));
  const tabs = useMemo(() => JSON.parse(key) as TabView[], [key]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    if (store.getState().showAdjacentTab(step)) document.getElementById(`tab-${store.getState().tabId}`)?.focus();
  };

  return (
    <nav className="tab-bar" aria-label="Open graphs">
      <div role="tablist" aria-label="Open graphs" className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <div key={t.id} className={`tab${t.id === shown ? ' is-shown' : ''}`}
            onAuxClick={(e) => { if (e.button === 1) controller.closeTab(t.id); }}>
            <button type="button" role="tab" id={`tab-${t.id}`} aria-selected={t.id === shown} tabIndex={t.id === shown ? 0 : -1}
              className="tab-title" title={t.title} onClick={() => store.getState().showTab(t.id)}>
              <span className="tab-name">{t.title}</span>
              {t.running && <span className="tab-running" role="img" aria-label="running" title="A run is going on in this tab" />}
              {t.edited && <span className="tab-unsaved" role="img" aria-label="unsaved changes" title="Edited since it was planned, opened or saved as a workflow">●</span>}
            </button>
            <button type="button" className="tab-close" aria-label={`Close tab “${t.title}”`} title="Close tab" onClick={() => controller.closeTab(t.id)}>×</button>
          </div>
        ))}
      </div>
      <button type="button" className="tab-new" aria-label="Open a new tab" title="Open a new tab: a new conversation and an empty canvas (Ctrl+T in the desktop app)" onClick={() => store.getState().newTab()}>+</button>
    </nav>
  );
}
