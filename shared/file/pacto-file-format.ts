/**
 * What names a `.pacto` file, without the code that reads one: kept apart
 * from `pacto-file.ts` (which loads Yjs to decode the workshop document) so
 * that telling a workshop file from a scenario file (`pacto plan`) loads no
 * Yjs. docs/file-format.md describes the envelope.
 */

/** The envelope's `format`: what makes a JSON file a Pacto workshop file. */
export const PACTO_FILE_FORMAT = 'pacto-workshop';
/** Version of the envelope layout this build writes and reads; a higher one is refused as too new. */
export const PACTO_FILE_FORMAT_VERSION = 1;
/** File name extension, with the dot. */
export const PACTO_FILE_EXTENSION = '.pacto';
