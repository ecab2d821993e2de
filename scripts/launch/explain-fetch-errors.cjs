// Preloaded (`node --require`) into Electron's installer only: Node's fetch reports every
// network failure as a bare "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND,
// a TLS error) in err.cause, which the installer never prints. Put both in the message.
const original = globalThis.fetch;
globalThis.fetch = async function fetchWithCause(input, init) {
  try {
    return await original(input, init);
  } catch (err) {
    const cause = err && err.cause;
    const detail = cause ? cause.code || cause.message : '';
    const url = typeof input === 'string' ? input : input && input.url;
    if (!detail) throw err;
    throw new TypeError(`${err.message} (${detail}) for ${url}`, { cause: err });
  }
};
