/**
 * The desktop shell's state that IPC handlers reach through the AppContext: the inbox of
 * `oss://` links and the language the application menu should speak. Electron-free; the
 * Electron side (main/desktop-shell.ts) feeds links in and listens for language changes.
 */
import type { OpenLink } from '../../shared/contract/desktop';
import type { EmitEvent } from '../../shared/ipc-contract';
import { profilesForLink, type LinkProfile } from './deep-link';
import { LinkInbox } from './link-inbox';
import type { MenuLanguage } from './menu-strings';

export interface LinkProfiles {
  profiles: readonly LinkProfile[];
  lastUsedId?: string;
}

export class DesktopFeature {
  readonly links: LinkInbox;
  private readonly languageListeners = new Set<(language: MenuLanguage) => void>();
  private current: MenuLanguage | undefined;

  constructor(emit: EmitEvent) {
    this.links = new LinkInbox(() => emit('desktop:link-waiting', { waiting: this.links.size }));
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
