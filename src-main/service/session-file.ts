// The open session in `<dataDir>/session.json`: written atomically, checked on load, and a corrupt file
// kept aside (`session.json.corrupt-<time>`) and reported instead of silently dropped.
import { keepAside } from '../platform/atomic-file';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StudioHandlers } from '../../src-shared/contract';
import { describeZodError } from '../../src-shared/settings';
import { SessionFileSchema, StudioSessionSchema, type LoadedSession, type StudioSession } from '../../src-shared/session';
import { StudioError } from '../../src-shared/contract-error';
import { writeFileAtomic } from '../platform/atomic-file';

/** The file the session is saved under in the data folder. */
export const SESSION_FILE_NAME = 'session.json';

/** Reads and saves the session of one data folder; saves are queued so the last one always wins. */
export class SessionFile {
  private readonly path: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.path = join(dataDir, SESSION_FILE_NAME);
  }

  /** The saved session, or null when there is none; an unreadable file is moved aside and reported. */
  async load(): Promise<LoadedSession> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { session: null };
      throw error;
    }
    let reason: string;
    try {
      const parsed = SessionFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return { session: parsed.data as StudioSession };
      reason = describeZodError(parsed.error);
    } catch (error) {
      reason = `not valid JSON (${(error as Error).message})`;
    }
    const aside = await keepAside(this.path, this.now());
    return { session: null, problem: `The saved session could not be read (${reason}); it was kept as ${aside} and a new session started.` };
  }

  /** Checks and writes the session atomically (readers see the old or the new file, never a partial one). */
  save(session: unknown): Promise<void> {
    const parsed = StudioSessionSchema.safeParse(session);
    if (!parsed.success) return Promise.reject(new StudioError('invalid-session', `The session was not saved: ${describeZodError(parsed.error)}`));
    const text = JSON.stringify(parsed.data);
    const write = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = write.catch(() => undefined);
    return write;
  }
}

/** The session channels of the contract over one data folder. */
export function createSessionHandlers(dataDir: string): Pick<StudioHandlers, 'session.load' | 'session.save'> {
  const file = new SessionFile(dataDir);
  return {
    'session.load': () => file.load(),
    'session.save': (session) => file.save(session),
  };
}
