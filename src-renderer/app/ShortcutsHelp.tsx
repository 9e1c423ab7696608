// The keyboard shortcuts overlay (`?`).
import { Modal } from '../library/Modal';
import { SHORTCUTS } from './shortcuts';

/** Lists every shortcut. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="shortcut">
            <dt><kbd>{s.keys}</kbd></dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
