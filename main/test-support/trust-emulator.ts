/**
 * Tests that add profiles pointing at their own emulator answer "Trust" in main's endpoint
 * dialog (DesktopHost.confirmHost, purpose 'oss-endpoint') for the emulator's hosts only:
 * any other endpoint host is still refused, as a user cancelling the dialog would.
 */
import { hostOf } from '../../shared/remote-hosts';
import { ScriptedDesktopHost } from '../services/host/desktop-host';

/** A scripted host (or `host`) that trusts the endpoint hosts of `urls` (e.g. `emu.endpoints`). */
export function trustEmulator(urls: Record<string, string> | string[], host = new ScriptedDesktopHost()): ScriptedDesktopHost {
  const hosts = new Set(Object.values(urls).map((u) => hostOf(new URL(u))));
  const before = host.trustsEndpoint;
  host.trustsEndpoint = (h) => hosts.has(h) || before(h);
  return host;
}
