/**
 * Reads and writes window-state.json in the user data folder. Written atomically (temp file
 * then rename) so a crash while saving leaves the previous state, never half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseWindowStateFile, rememberWindowState, type WindowState, type WindowStateFile } from './window-state';

export class WindowStateStore {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'window-state.json');
  }

  /** Every remembered arrangement; {} when the file is missing or damaged. */
  load(): WindowStateFile {
    try {
      return parseWindowStateFile(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return {};
    }
  }

  /** Remembers the state for one arrangement. Failures are returned, not thrown: losing a window size must not stop a quit. */
  save(key: string, state: WindowState): Error | undefined {
    try {
      const next = rememberWindowState(this.load(), key, state);
      const temp = `${this.file}.${process.pid}.tmp`;
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
      fs.renameSync(temp, this.file);
      return undefined;
    } catch (error) {
      return error as Error;
    }
  }
}
