/**
 * The desktop shell's state that IPC handlers reach through the AppContext: the inbox of
 * `oss://` links, the language the application menu should speak and the page's layout
 * (kept in window-state.json with the window's size, per display arrangement).
 * Electron-free; the Electron side (main/desktop-shell.ts) feeds links in, listens for
 * language changes and names the display arrangement.
 */
import type { OpenLink, WindowLayout } from '../../shared/contract/desktop';
import type { EmitEvent } from '../../shared/ipc-contract';
import { profilesForLink, type LinkProfile } from './deep-link';
import { LinkInbox } from './link-inbox';
import type { MenuLanguage } from './menu-strings';
import { WindowStateStore } from './window-state-store';

export interface LinkProfiles {
  profiles: readonly LinkProfile[];
  lastUsedId?: string;
}

export interface DesktopFeatureOptions {
  emit: EmitEvent;
  /** Where window-state.json lives. */
  userDataDir: string;
  /** Names the current display arrangement (Electron's screens); default: one fixed key. */
  displayArrangement?: () => string;
  warn?: (message: string, meta: Record<string, unknown>) => void;
}

export class DesktopFeature {
  readonly links: LinkInbox;
  private readonly languageListeners = new Set<(language: MenuLanguage) => void>();
  private current: MenuLanguage | undefined;
  private readonly windows: WindowStateStore;
  private readonly arrangement: () => string;
  private readonly warn: (message: string, meta: Record<string, unknown>) => void;

  constructor(options: DesktopFeatureOptions) {
    this.links = new LinkInbox(() => options.emit('desktop:link-waiting', { waiting: this.links.size }));
    this.windows = new WindowStateStore(options.userDataDir);
    this.arrangement = options.displayArrangement ?? (() => 'default');
    this.warn = options.warn ?? (() => undefined);
  }

  /** The page's layout for the screens attached now. */
  layout(): WindowLayout {
    return this.windows.layout(this.arrangement());
  }

  /** Remembers layout changes for the screens attached now; a failed write is logged, not thrown (a width is not worth an error). */
  setLayout(layout: WindowLayout): void {
    const error = this.windows.saveLayout(this.arrangement(), layout);
    if (error) this.warn('window layout not saved', { error });
  }

  /** The oldest waiting link with the profiles that may open it. */
  async takeLink(listProfiles: () => Promise<LinkProfiles>): Promise<OpenLink | null> {
    const target = this.links.take();
    if (!target) return null;
    const { profiles, lastUsedId } = await listProfiles();
    const candidates = profilesForLink(target, profiles, lastUsedId).map(({ id, name }) => ({ id, name }));
    return { ...target, candidates };
  }

  /** The page's language; undefined until the page said (main then follows the OS locale). */
  get language(): MenuLanguage | undefined {
    return this.current;
  }

  setLanguage(language: MenuLanguage): void {
    if (language === this.current) return;
    this.current = language;
    for (const listener of this.languageListeners) listener(language);
  }

  /** Called on every language change; returns the function that stops listening. */
  onLanguage(listener: (language: MenuLanguage) => void): () => void {
    this.languageListeners.add(listener);
    return () => this.languageListeners.delete(listener);
  }
}
