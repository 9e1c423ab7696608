// Where CLI output goes: results on stdout, progress and logs on stderr (so `--json` stays clean).

/** The CLI's streams, replaceable in tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether a person is at the terminal (questions may be asked). */
  interactive: boolean;
  /** Asks a yes/no question on the terminal. */
  confirm: (question: string) => Promise<boolean>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Fires when the user asks the command to stop (Ctrl+C, SIGTERM): running work is cancelled, partial results printed. */
  signal?: AbortSignal;
}

/** Exit code of a command stopped by the user (128 + SIGINT, as shells report it). */
export const STOPPED_EXIT_CODE = 130;
