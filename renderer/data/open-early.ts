/**
 * Opens the database as the renderer's script starts, before the rest of
 * it (React, the app) is evaluated: IndexedDB opens in the browser's own
 * process meanwhile, so the start's first reads (`renderer/start.ts`) find
 * it open. Imported first by `renderer/main.tsx`. A failure to open is not
 * reported here: the first query opens again and reports it.
 */
import { homeDb } from './home-db';

void homeDb.open().catch(() => undefined);
