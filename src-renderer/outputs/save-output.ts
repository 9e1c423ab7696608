// Saving an output under its readable name: "Save as…" through the browser's file picker when it has one.

type SavePicker = (options: { suggestedName: string }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;

/** The File System Access save picker (Chromium, Electron), if this page has it. */
export const savePicker = (): SavePicker | undefined =>
  (globalThis as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker?.bind(globalThis);

/** Asks where to save `name` and writes the bytes at `url` there; resolves false when the user cancelled. */
export async function saveAs(url: string, name: string): Promise<boolean> {
  const pick = savePicker();
  if (!pick) throw new Error('This window cannot ask where to save: use Download.');
  let handle;
  try {
    handle = await pick({ suggestedName: name });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return false;
    throw e;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The file could not be read (${response.status}).`);
  const writable = await handle.createWritable();
  await writable.write(await response.blob());
  await writable.close();
  return true;
}
