// A dialog over the app, closed with its Close button, Escape or a click outside (the settings panel's pattern).
import type { ReactNode } from 'react';

/** A modal dialog titled `title`. */
export function Modal({ title, onClose, className = '', children }: { title: string; onClose: () => void; className?: string; children: ReactNode }) {
  const titleId = `dialog-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className={`modal ${className}`}
        onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
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
