// The one Chromium this project drives: Debian's (never `playwright install`), with the flags from
// /work/shared/TOOLCHAIN.md. Tests, the benchmark and `npm test`'s banner all read it from here.

/** CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** As root Chromium needs `--no-sandbox`; the rest stop it reaching the network on its own (updates, sync, QUIC). */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * For tests: no host name but the machine's own resolves, so a request to another origin fails in Chromium's
 * network service itself, with no round trip to the test (intercepting every request to block the foreign
 * ones cost a fifth of the browser's time). Tests still see each such request, and fail on it.
 */
export const OFFLINE_ARGS = Object.freeze([
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]);
