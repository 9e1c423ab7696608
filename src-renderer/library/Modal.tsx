// A dialog over the app: focus moves in, stays in and comes back; closed with its Close button, Escape or a click outside.
import { useRef, type ReactNode } from 'react';
import { useDialogFocus } from './use-dialog-focus';

/** A modal dialog titled `title`. */
export function Modal({ title, onClose, className = '', children }: { title: string; onClose: () => void; className?: string; children: ReactNode }) {
  const titleId = `dialog-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, onClose);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div ref={ref} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby={titleId} className={`modal ${className}`} onClick={(e) => e.stopPropagation()}>
        <div className="inspector-row">
          <h2 id={titleId} className="panel-title">{title}</h2>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>Close</button>
        </div>
        {children}
      </div>
    </div>
  );
}
