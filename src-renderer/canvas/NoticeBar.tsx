// A message over the canvas (refused connection, failed call) that fades after a while.
import { useEffect } from 'react';
import { useStudio, useStudioStore } from '../app/studio-context';

const VISIBLE_MS = 8000;

/** The current notice, if any. */
export function NoticeBar() {
  const store = useStudioStore();
  const notice = useStudio((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (store.getState().notice?.seq === notice.seq) store.getState().clearNotice();
    }, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [store, notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => store.getState().clearNotice()}>×</button>
    </div>
  );
}
