/**
 * The e2e helpers, kept in test/support/app.ts; re-exported here for the e2e
 * files that import them from this path.
 */
export * from '../../support/app';
