/**
 * The e2e suite's Chromium launcher: the shared one in test/support (also
 * used by the benchmarks), re-exported here for the e2e files that import it
 * from this path.
 */
export { CHROMIUM_ARGS, findChromium, freshProfile, launchBrowser, launchPersistent } from '../../support/chromium.mjs';
