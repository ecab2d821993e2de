/**
 * What main needs from the desktop that is not OSS: native file dialogs, the OS shell,
 * notifications and keeping the computer awake. Services depend on this interface, never
 * on electron; main/desktop-host.ts implements it with Electron and the tests use the
 * scripted host below (the e2e bridge answers dialogs the way a user would).
 *
 * Local paths reach main only through here (a native dialog the user answered) or from a
 * file the user dropped (webUtils.getPathForFile): the renderer never names a path that
 * main then reads or writes (README.md, "Security model").
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface ChooseFilesOptions {
  title?: string;
  /** Several files at once (default true). */
  multiple?: boolean;
  filters?: FileFilter[];
  defaultPath?: string;
}

export interface ChooseFolderOptions {
  title?: string;
  defaultPath?: string;
  /** Label of the confirm button ("Download here"). */
  buttonLabel?: string;
}

export interface ChooseSaveFileOptions {
  title?: string;
  /** Suggested file name (or full path). */
  defaultPath?: string;
  filters?: FileFilter[];
}

/** What main's own "trust this address?" dialog names (issue 10: the page cannot answer it). */
export interface HostConfirmation {
  /** host[:port] main would contact. */
  host: string;
  /** Plain http://: the dialog warns that anyone on the network could read the answer. */
  insecure: boolean;
  /** What main would send there: a sign-in request, an access code's requests, or a profile's signed OSS requests. */
  purpose: 'sign-in' | 'access-code' | 'oss-endpoint';
  /**
   * The app's UI language, for the dialog's words. Services leave it out: main's composition
   * root (app-context) fills it in from what the page said over desktop:set-language.
   */
  language?: 'en' | 'zh-CN';
}

export interface DesktopNotification {
  title: string;
  body: string;
}

export interface DesktopHost {
  /** Native "open file" dialog: the chosen absolute paths, [] when cancelled. */
  chooseFiles(options: ChooseFilesOptions): Promise<string[]>;
  /** Native folder picker: the chosen absolute path, undefined when cancelled. */
  chooseFolder(options: ChooseFolderOptions): Promise<string | undefined>;
  /** Native "save as" dialog: the chosen absolute path, undefined when cancelled. */
  chooseSaveFile(options: ChooseSaveFileOptions): Promise<string | undefined>;
  /**
   * Main's native dialog asking whether to trust a host that is not Alibaba Cloud's, naming
   * it. True only when the user chose to trust it. Run by main, so script in the page cannot
   * answer it for the user.
   */
  confirmHost(request: HostConfirmation): Promise<boolean>;
  /** Opens a local file with the OS's default app; rejects with the OS's reason. */
  openPath(path: string): Promise<void>;
  /** Shows a local file in the OS file manager. */
  showItemInFolder(path: string): void;
  /** A system notification (shown by callers only when the window is not focused). */
  notify(notification: DesktopNotification): void;
  /** True while an app window has focus. */
  isFocused(): boolean;
  /** Keeps the computer from sleeping until the returned function is called. */
  keepAwake(reason: string): () => void;
  /** Taskbar/dock progress, 0..1, or undefined to clear it. */
  setProgress(fraction: number | undefined): void;
  /** Hands local files to the OS drag that the user started in the window (drag out to the desktop). */
  startDrag(paths: string[]): void;
}

export type HostCall =
  | { kind: 'chooseFiles'; options: ChooseFilesOptions }
  | { kind: 'chooseFolder'; options: ChooseFolderOptions }
  | { kind: 'chooseSaveFile'; options: ChooseSaveFileOptions }
  | { kind: 'confirmHost'; request: HostConfirmation }
  | { kind: 'openPath'; path: string }
  | { kind: 'showItemInFolder'; path: string }
  | { kind: 'notify'; notification: DesktopNotification }
  | { kind: 'keepAwake'; reason: string }
  | { kind: 'releaseAwake'; reason: string }
  | { kind: 'setProgress'; fraction: number | undefined }
  | { kind: 'startDrag'; paths: string[] };

/**
 * A host whose dialogs answer from queues the test fills (`answers.files.push([...])`) and
 * that records every call. An empty queue answers "cancelled", as a user closing the dialog.
 */
export class ScriptedDesktopHost implements DesktopHost {
  readonly calls: HostCall[] = [];
  readonly answers = {
    files: [] as string[][],
    folders: [] as Array<string | undefined>,
    saveFiles: [] as Array<string | undefined>,
    /** Answers to confirmHost: true = "Trust", false or an empty queue = "Cancel". */
    hosts: [] as boolean[],
  };
  focused = true;
  /** How many keepAwake holds are active now. */
  awake = 0;

  async chooseFiles(options: ChooseFilesOptions): Promise<string[]> {
    this.calls.push({ kind: 'chooseFiles', options });
    return this.answers.files.shift() ?? [];
  }

  async chooseFolder(options: ChooseFolderOptions): Promise<string | undefined> {
    this.calls.push({ kind: 'chooseFolder', options });
    return this.answers.folders.shift();
  }

  async chooseSaveFile(options: ChooseSaveFileOptions): Promise<string | undefined> {
    this.calls.push({ kind: 'chooseSaveFile', options });
    return this.answers.saveFiles.shift();
  }

  /**
   * OSS endpoint hosts answered "Trust" without using the `answers.hosts` queue: tests that
   * point profiles at their own emulator trust its hosts here once (main/test-support/trust-emulator.ts,
   * e2e/support/test-app-context.ts). Default: none.
   */
  trustsEndpoint: (host: string) => boolean = () => false;

  async confirmHost(request: HostConfirmation): Promise<boolean> {
    this.calls.push({ kind: 'confirmHost', request });
    if (request.purpose === 'oss-endpoint' && this.trustsEndpoint(request.host)) return true;
    return this.answers.hosts.shift() ?? false;
  }

  async openPath(path: string): Promise<void> {
    this.calls.push({ kind: 'openPath', path });
  }

  showItemInFolder(path: string): void {
    this.calls.push({ kind: 'showItemInFolder', path });
  }

  notify(notification: DesktopNotification): void {
    this.calls.push({ kind: 'notify', notification });
  }

  isFocused(): boolean {
    return this.focused;
  }

  keepAwake(reason: string): () => void {
    this.calls.push({ kind: 'keepAwake', reason });
    this.awake++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.awake--;
      this.calls.push({ kind: 'releaseAwake', reason });
    };
  }

  setProgress(fraction: number | undefined): void {
    this.calls.push({ kind: 'setProgress', fraction });
  }

  startDrag(paths: string[]): void {
    this.calls.push({ kind: 'startDrag', paths: [...paths] });
  }
}
