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

