// Preloaded (`node --require`) into Electron's installer only: Node's fetch reports every
// network failure as a bare "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND,
// a TLS error, a proxy's refusal) in err.cause, sometimes two causes deep, which the installer
// never prints. Put the deepest cause in the message.
const original = globalThis.fetch;

/** The deepest cause's system code (ENOTFOUND…) or, for undici's own errors, its message. */
function deepestDetail(err) {
  let detail = '';
  for (let cause = err && err.cause, depth = 0; cause && depth < 5; cause = cause.cause, depth += 1) {
    const code = typeof cause.code === 'string' && !cause.code.startsWith('UND_ERR') ? cause.code : '';
    detail = code || cause.message || detail;
  }
  return detail;
}

globalThis.fetch = async function fetchWithCause(input, init) {
  try {
    return await original(input, init);
  } catch (err) {
    const detail = deepestDetail(err);
    const url = typeof input === 'string' ? input : input && input.url;
    if (!detail) throw err;
    throw new TypeError(`${err.message} (${detail}) for ${url}`, { cause: err });
  }
};
