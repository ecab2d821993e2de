/**
 * Reads and writes window-state.json in the user data folder. Written atomically (temp file
 * then rename) so a crash while saving leaves the previous state, never half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WindowLayout } from '../../shared/contract/desktop';
import { layoutFor, parseWindowStateFile, rememberLayout, rememberWindowState, type WindowState, type WindowStateFile } from './window-state';

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

  /** Remembers the window for one arrangement, keeping its layout. Failures are returned, not thrown: losing a window size must not stop a quit. */
  save(key: string, state: WindowState): Error | undefined {
    return this.write(rememberWindowState(this.load(), key, state));
  }

  /** The page's layout for one arrangement (another arrangement's when it has none yet). */
  layout(key: string): WindowLayout {
    return layoutFor(this.load(), key);
  }

  /** Merges layout changes into one arrangement's entry. */
  saveLayout(key: string, layout: WindowLayout): Error | undefined {
    return this.write(rememberLayout(this.load(), key, layout));
  }

  private write(next: WindowStateFile): Error | undefined {
    try {
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
