/**
 * The recent-files list as both platforms keep it (the main process in
 * `userData/recent-files.json`, the browser platform in localStorage): newest
 * first, one entry per path, at most {@link MAX_RECENT_FILES}. Pure.
 */
import { z } from 'zod';
import type { RecentFile } from './contract';

/** Entries kept, newest first. */
export const MAX_RECENT_FILES = 10;

const recentListSchema = z.array(z.object({ path: z.string().min(1).max(4096), name: z.string().max(1000), openedAt: z.string() }));

/** The last segment of a path, with `/` or `\` as separators. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** `list` with `path` moved (or added) to the front as opened at `at`, at most {@link MAX_RECENT_FILES} long. */
export function withRecent(list: readonly RecentFile[], path: string, at: Date): RecentFile[] {
  const entry: RecentFile = { path, name: fileNameOf(path), openedAt: at.toISOString() };
  return [entry, ...list.filter((item) => item.path !== path)].slice(0, MAX_RECENT_FILES);
}

/** `list` without `path`. */
export function withoutRecent(list: readonly RecentFile[], path: string): RecentFile[] {
  return list.filter((item) => item.path !== path);
}

/** The list stored in `text`, or `[]` when it is missing or unreadable (a damaged list is not worth an error). */
export function parseRecentFiles(text: string | null): RecentFile[] {
  if (text === null) return [];
  try {
    const parsed = recentListSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.slice(0, MAX_RECENT_FILES) : [];
  } catch {
    return [];
  }
}
