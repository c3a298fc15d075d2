/**
 * The home screen's connection to the app's database (`./schema.ts`,
 * `createHomeDb`): the start's reads (workshop index, settings, last place)
 * and the settings it writes, without y-dexie or Yjs. The workshop code uses
 * the documents' connection, `./instance.ts`.
 */
import { createHomeDb } from './schema';

export const homeDb = createHomeDb();
