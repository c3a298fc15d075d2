/**
 * Saving a file the renderer made (a funnel diagram as SVG or PNG): the
 * native save dialog, then an atomic write. The dialog and the file system
 * are injected, so this is tested without Electron.
 */
import { SAVE_FILE_TYPES, type SaveFileRequest, type SaveFileResult } from '../../shared/bridge/contract';
import { err, ok, type Result } from '../../shared/domain/result';

/** Collaborators of {@link saveFile}. */
export interface SaveFileDeps {
  /** Asks where to save `suggestedName` (a file of `extension`); resolves to the chosen path, or `null` when the user cancels. */
  saveDialog(suggestedName: string, extension: string): Promise<string | null>;
  /** Writes the file atomically (`writeFileAtomic`): an existing file is replaced whole or left as it was. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Saves `request.data` where the user says. Never throws: `cancelled` (the
 * dialog was closed; nothing written), `dialog-failed`, or `io` (the write
 * failed; a file already at that path is left as it was).
 */
export async function saveFile(request: SaveFileRequest, deps: SaveFileDeps): Promise<Result<SaveFileResult>> {
  let path: string | null;
  try {
    path = await deps.saveDialog(request.suggestedName, SAVE_FILE_TYPES[request.mimeType]);
  } catch (error) {
    return err({ code: 'dialog-failed', message: `The save dialog failed: ${message(error)}` });
  }
  if (path === null) return err({ code: 'cancelled', message: 'The user closed the save dialog; nothing was written.' });
  try {
    await deps.writeFile(path, request.data);
  } catch (error) {
    return err({ code: 'io', message: `Writing ${path} failed: ${message(error)}` });
  }
  return ok({ path, bytes: request.data.byteLength });
}
