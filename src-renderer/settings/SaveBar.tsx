// The save button of a section with the outcome next to it (an error names the field the engine refused).
import { useState, type JSX } from 'react';

/** Props of SaveBar: what saving does, and whether there is anything to save. */
export interface SaveBarProps {
  section: string;
  onSave: () => Promise<string | undefined>;
  dirty: boolean;
}

/** A "Save <section>" button with its result. */
export function SaveBar(props: SaveBarProps): JSX.Element {
  const [state, setState] = useState<{ busy: boolean; error?: string; saved?: boolean }>({ busy: false });
  const save = async (): Promise<void> => {
    setState({ busy: true });
    const error = await props.onSave();
    setState({ busy: false, error, saved: !error });
  };
  return (
    <div className="settings-save">
      <button type="button" className="btn" onClick={() => void save()} disabled={state.busy || !props.dirty}>
        Save {props.section}
      </button>
      {state.error && <p role="alert" className="error-text">{state.error}</p>}
      {state.saved && !props.dirty && <span role="status">Saved</span>}
    </div>
  );
}
