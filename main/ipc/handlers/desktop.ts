/** Handlers for the desktop:* channels (links from the OS, the menu's language, the window layout). */
import type { AppContext } from '../../app-context';
import * as contract from '../../../shared/contract/desktop';
import type { HandlersFor } from '../handler-types';

export function createDesktopHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  return {
    'desktop:take-link': () => ctx.desktop.takeLink(() => ctx.profiles.list()),
    'desktop:set-language': ({ language }) => ctx.desktop.setLanguage(language),
    'desktop:get-layout': () => ctx.desktop.layout(),
    'desktop:set-layout': (layout) => ctx.desktop.setLayout(layout),
  };
}
