// Status badges in the header, each saying what it measures: the page's link to the engine, and the LLM.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ConnectionStatus, WebSocketClient } from '../api/websocket-client';
import { useOpenDialog } from './dialogs';
import { useController } from './studio-context';

/** The WebSocket's status (browser only; nothing in Electron, where the engine is in-process). */
export function ConnectionBadge() {
  const { client } = useController();
  const ws = client.kind === 'websocket' ? (client as WebSocketClient) : undefined;
  const [status, setStatus] = useState<ConnectionStatus | undefined>(ws?.status());
  useEffect(() => {
    if (!ws) return;
    setStatus(ws.status());
    return ws.onStatus(setStatus);
  }, [ws]);
  if (!ws || !status) return null;
  const text = { open: 'Engine connected', connecting: 'Engine connecting…', closed: 'Engine disconnected, retrying…' }[status];
  return (
    <span className={`badge badge-${status}`} role="status" title="The link between this page and the hugginggpt engine. It does not test the LLM or any model.">
      {text}
    </span>
  );
}

const LLM_TEXT = { unknown: 'LLM: not checked', checking: 'LLM: checking…', unconfigured: 'LLM: not set up', reachable: 'LLM: ready', unreachable: 'LLM: not answering' };

/** Whether the controlling LLM answered its test call; a click opens its settings. */
export function LlmBadge() {
  const { llm } = useController();
  const status = useStore(llm);
  const open = useOpenDialog();
  const tone = status.readiness === 'reachable' ? 'open' : status.readiness === 'unconfigured' || status.readiness === 'unreachable' ? 'closed' : 'connecting';
  return (
    <button type="button" className={`badge badge-button badge-${tone}`} aria-label={`${LLM_TEXT[status.readiness]}: configure the LLM`}
      title={`The controlling LLM, tested with one short chat call. ${status.message}`}
      onClick={() => open({ kind: status.readiness === 'unconfigured' ? 'setup' : 'settings' })}>
      <span role="status">{LLM_TEXT[status.readiness]}</span>
    </button>
  );
}
