/** proxy-from-env ships no types; this is its one function. */
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string | URL): string;
}
