// Shows whether the browser is connected to `hugginggpt serve` (nothing in Electron).
import { useEffect, useState } from 'react';
import type { ConnectionStatus, WebSocketClient } from '../api/websocket-client';
import { useController } from './studio-context';

/** A small badge with the WebSocket's status. */
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
  const text = { open: 'Connected', connecting: 'Connecting…', closed: 'Disconnected, retrying…' }[status];
  return (
    <span className={`badge badge-${status}`} role="status" title="Connection to the engine">
      {text}
    </span>
  );
}
