/**
 * Only the app's own page may call IPC: the bundled renderer on the app:// protocol, or the
 * Vite dev server in development. A page that navigated elsewhere (or a subframe) is refused.
 */

/** The scheme and host the production renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True when `url` has exactly the protocol, host and port of one of `allowedOrigins`. */
export function isTrustedSender(url: string | undefined | null, allowedOrigins: readonly string[]): boolean {
  if (!url) return false;
  let sender: URL;
  try {
    sender = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for custom schemes, so compare the parts ourselves.
  if (sender.username || sender.password) return false;
  return allowedOrigins.some((origin) => {
    try {
      const allowed = new URL(origin);
      return allowed.protocol === sender.protocol && allowed.host === sender.host && sender.host !== '';
    } catch {
      return false;
    }
  });
}
