/**
 * How often pdf-lib yields to the event loop while it parses or writes a
 * PDF, shared by every pdf-lib load and save of an exported agreement (the
 * seal, the finalizer, the outline reader). pdf-lib's defaults (every 100
 * objects parsed, every 50 written) wait for a timer each time, at least
 * 1 ms in Node and 4 ms for a nested timer in a page: on a printed agreement
 * of ~2,000 objects that waiting cost more than the work (the seal's save of
 * the sample: ~150 ms with the default, ~25 ms with this, the same bytes).
 * A long PDF still yields every this many objects.
 */
export const PDF_LIB_OBJECTS_PER_TICK = 2_000;
