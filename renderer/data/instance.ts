/** The app's documents' connection to its database (y-dexie; the workshop code's). The home screen's is `./home-db.ts`. */
import { createDb } from './db';

export const db = createDb();
