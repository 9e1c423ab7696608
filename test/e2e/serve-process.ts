// Starts the real `hugginggpt serve` (built CLI) for a browser test and stops it afterwards.
import { spawn } from 'node:child_process';

/** A running `hugginggpt serve`. */
export interface ServeProcess {
  url: string;
  stop(): void;
}

/** Starts `node bin/hugginggpt.js serve --port 0 ...args` and waits for its address. */
export function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/hugginggpt.js', 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`serve did not start within 20 s: ${stderr}`));
    }, 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += String(chunk);
      // The printed address carries the per-launch token (`/#token=...`) the page needs.
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/\S*)\n/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => child.kill() });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
}
