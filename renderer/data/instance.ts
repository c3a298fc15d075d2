/** The app's one database instance. */
import { createDb } from './db';

export const db = createDb('pacto');
