// Saving a funnel export from the main process: native dialog, then atomic write; every failure is a Result.
import { describe, expect, it, vi } from 'vitest';
import { saveFile, type SaveFileDeps } from '../../electron/main/save-file';
import type { SaveFileRequest } from '../../shared/bridge/contract';

const request: SaveFileRequest = { suggestedName: 'Embudo acordado.png', mimeType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) };

function deps(
  path: string | null = '/home/ana/Embudo acordado.png',
): SaveFileDeps & { saveDialog: ReturnType<typeof vi.fn>; writeFile: ReturnType<typeof vi.fn> } {
  return { saveDialog: vi.fn(async () => path), writeFile: vi.fn(async () => undefined) };
}

describe('saveFile', () => {
  it('offers the suggested name with the type extension and writes the bytes where the user chose', async () => {
    const d = deps();
    await expect(saveFile(request, d)).resolves.toEqual({ ok: true, value: { path: '/home/ana/Embudo acordado.png', bytes: 4 } });
    expect(d.saveDialog).toHaveBeenCalledWith('Embudo acordado.png', 'png');
    expect(d.writeFile).toHaveBeenCalledWith('/home/ana/Embudo acordado.png', request.data);
  });

  it('asks for an SVG file for an SVG', async () => {
    const d = deps('/tmp/x.svg');
    await saveFile({ ...request, suggestedName: 'x.svg', mimeType: 'image/svg+xml' }, d);
    expect(d.saveDialog).toHaveBeenCalledWith('x.svg', 'svg');
  });

  it('writes nothing when the user cancels', async () => {
    const d = deps(null);
    await expect(saveFile(request, d)).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failing dialog and a failing write as errors, never throws', async () => {
    const broken = { saveDialog: vi.fn(async () => Promise.reject(new Error('no display'))), writeFile: vi.fn() };
    await expect(saveFile(request, broken)).resolves.toMatchObject({
      ok: false,
      error: { code: 'dialog-failed', message: expect.stringContaining('no display') },
    });
    const full = { saveDialog: vi.fn(async () => '/mnt/full/x.png'), writeFile: vi.fn(async () => Promise.reject(new Error('ENOSPC'))) };
    await expect(saveFile(request, full)).resolves.toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('ENOSPC') } });
  });
});
