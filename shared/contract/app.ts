/** App-level channels: identity of the running app and a few shell services. */
import { z } from 'zod';
import { evt, out, req, type EventTable, type RequestTable } from './define';

/** What the status bar and the About view show. */
export interface AppInfo {
  name: string;
  productName: string;
  version: string;
  platform: string;
  arch: string;
  /** Runtime versions: node always; electron and chrome when running inside Electron. */
  versions: { node: string; electron?: string; chrome?: string };
  /** Where logs are written, so a user can attach them to a bug report. */
  logFile: string;
}

export const requests = {
  'app:info': req(z.undefined(), out<AppInfo>()),
  /** Opens a link the user clicked in the system browser; only https is allowed. */
  'app:open-external': req(
    z.object({ url: z.url({ protocol: /^https$/, error: 'Only https links can be opened.' }).max(4096) }),
    out<void>(),
  ),
  /** Lets the renderer record its own failures in the app log (text is redacted in main). */
  'app:log': req(
    z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string().max(4000) }),
    out<void>(),
  ),
} satisfies RequestTable;

export const events = {
  /** Sent when main wants the renderer to show a message (e.g. a failed background task). */
  'app:notice': evt<{ level: 'info' | 'warn' | 'error'; message: string }>(),
} satisfies EventTable;
