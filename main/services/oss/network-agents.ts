/**
 * HTTP agents for a profile's proxy setting. ali-oss (urllib) accepts `agent` and
 * `httpsAgent`; a proxy is just a different pair of agents. "system" follows the
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY variables (what Electron's main process and most
 * corporate setups provide); "manual" uses the profile's proxy with optional basic auth.
 */
import http from 'node:http';
import https from 'node:https';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import type { ProxySettings } from '../../../shared/profile-types';

export interface Agents {
  agent: http.Agent;
  httpsAgent: http.Agent;
  /** Proxy in use (without credentials), for diagnostics. */
  proxy?: string;
}

const keepAlive = { keepAlive: true, maxSockets: 64 };

/** The proxy URL for `target`, or undefined for a direct connection. */
export function proxyFor(settings: ProxySettings, target: string, password?: string): string | undefined {
  if (settings.mode === 'none') return undefined;
  if (settings.mode === 'manual') {
    if (!settings.url) return undefined;
    const u = new URL(settings.url);
    if (settings.username) {
      u.username = encodeURIComponent(settings.username);
      if (password) u.password = encodeURIComponent(password);
    }
    return u.toString();
  }
  // proxy-from-env reads HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY from process.env.
  const fromEnv = getProxyForUrl(target);
  return fromEnv || undefined;
}

/** Builds the agent pair for requests to `target` (an endpoint URL). */
export function agentsFor(settings: ProxySettings, target: string, password?: string): Agents {
  const proxy = proxyFor(settings, target, password);
  if (!proxy) return { agent: new http.Agent(keepAlive), httpsAgent: new https.Agent(keepAlive) };
  const shown = new URL(proxy);
  shown.username = '';
  shown.password = '';
  return { agent: new HttpProxyAgent(proxy, keepAlive), httpsAgent: new HttpsProxyAgent(proxy, keepAlive), proxy: shown.toString() };
}
