/**
 * The text "Help → Copy Diagnostics" puts on the clipboard for a bug report: app, Electron
 * and OS versions, settings that hold no secret, what kinds of profiles exist (never ids,
 * names, keys, hosts or buckets) and the last errors with their request IDs.
 *
 * Fields are picked one by one (nothing is dumped wholesale), and the finished text goes
 * through the redactor with every secret main knows, in every encoding (raw, URL, JSON,
 * base64, hex): a secret that slipped into an error message still cannot leave.
 */
import { redact } from '../../shared/redact';
import type { RecentError } from '../services/log/recent-errors';

/** The parts of a profile diagnostics may describe (ProfileView fits). */
export interface DiagnosticsProfile {
  type: string;
  sandbox?: boolean;
  sessionOnly: boolean;
  startPath?: unknown;
  endpoint: {
    kind: string;
    region: string;
    signatureVersion: string;
    pathStyle: boolean;
    allowInsecureHttp: boolean;
    proxy: { mode: string };
    cnames?: Record<string, string>;
  };
}

/** Transfer settings without the download folder (a local path names the user). */
export interface DiagnosticsTransferSettings {
  parallelFiles: number;
  parallelParts: number;
  partSize: number | 'auto';
  bandwidthUp: number;
  bandwidthDown: number;
  conflictDefault: string;
}

export interface DiagnosticsInput {
  app: { name: string; version: string; packaged: boolean };
  versions: { electron?: string; chrome?: string; node?: string };
  os: { platform: string; release: string; arch: string; locale?: string };
  profiles: readonly DiagnosticsProfile[];
  transferSettings?: DiagnosticsTransferSettings;
  recentErrors: readonly RecentError[];
  generatedAt: Date;
  /** Secrets to mask beyond those registered with the redactor (tests, session-only keys). */
  knownSecrets?: readonly string[];
}

function profileLine(p: DiagnosticsProfile, index: number): string {
  const e = p.endpoint;
  const parts = [
    `type=${p.type}`,
    `endpoint=${e.kind}`,
    `region=${e.region}`,
    `signing=${e.signatureVersion}`,
    `pathStyle=${e.pathStyle}`,
    `proxy=${e.proxy.mode}`,
    `insecureHttp=${e.allowInsecureHttp}`,
    `customDomains=${Object.keys(e.cnames ?? {}).length}`,
    `restricted=${p.startPath !== undefined}`,
    `sessionOnly=${p.sessionOnly}`,
    `sandbox=${p.sandbox === true}`,
  ];
  return `  ${index + 1}. ${parts.join(' ')}`;
}

function errorLine(e: RecentError): string {
  const ids = [e.code && `code=${e.code}`, e.requestId && `requestId=${e.requestId}`, e.ec && `ec=${e.ec}`].filter(Boolean).join(' ');
  return `  ${e.at} ${e.level.toUpperCase()} ${e.message}${ids ? ` (${ids})` : ''}`;
}

/** Builds the diagnostics text. */
export function buildDiagnostics(input: DiagnosticsInput): string {
  const t = input.transferSettings;
  const lines = [
    `${input.app.name} diagnostics (${input.generatedAt.toISOString()})`,
    '',
    `App: ${input.app.version}${input.app.packaged ? '' : ' (development)'}`,
    `Electron: ${input.versions.electron ?? 'n/a'}  Chromium: ${input.versions.chrome ?? 'n/a'}  Node: ${input.versions.node ?? 'n/a'}`,
    `OS: ${input.os.platform} ${input.os.release} ${input.os.arch}${input.os.locale ? `  Locale: ${input.os.locale}` : ''}`,
    '',
    `Profiles: ${input.profiles.length}`,
    ...input.profiles.map(profileLine),
    '',
    'Transfer settings:',
    t
      ? `  parallelFiles=${t.parallelFiles} parallelParts=${t.parallelParts} partSize=${t.partSize} bandwidthUp=${t.bandwidthUp} bandwidthDown=${t.bandwidthDown} conflicts=${t.conflictDefault}`
      : '  (not loaded)',
    '',
    `Recent warnings and errors: ${input.recentErrors.length}`,
    ...input.recentErrors.map(errorLine),
    '',
  ];
  return redact(lines.join('\n'), input.knownSecrets ?? []);
}
