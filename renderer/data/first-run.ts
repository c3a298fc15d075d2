/** The first run's sample workshop: whether it is still to be written (read at start, without the workshop code). */
import type { IndexTables } from './schema';

/** The setting that records the sample workshop was written once (deleting it later does not bring it back). */
export const SAMPLE_CREATED_KEY = 'sampleCreated';

/** Whether the sample workshop is due: never written on this laptop, and no workshop stored. */
export async function sampleDue(db: IndexTables): Promise<boolean> {
  if (await db.settings.get(SAMPLE_CREATED_KEY)) return false;
  return (await db.workshops.count()) === 0;
}
