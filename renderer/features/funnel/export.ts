/**
 * Exporting a funnel from the UI: the SVG of `funnelToSvg` (the same vector
 * diagram as the PDF), and a PNG rendered from it at twice its size; both
 * saved through the bridge's `saveFile` (native save dialog in the app, a
 * download in a browser).
 */
import type { Funnel, Language, Party } from '../../../shared/domain/workshop';
import type { Result } from '../../../shared/domain/result';
import type { SaveFileMimeType, SaveFileResult } from '../../../shared/bridge/contract';
import { platform } from '../../platform';
import { funnelToSvg } from '../../../shared/funnel/svg';

/** The funnel as an SVG document for export, `width` px wide, with its stages where the team put them. */
export function funnelSvg(funnel: Funnel, language: Language, title: string, ownerLabels: Record<Party, string>, width = 1200): string {
  return funnelToSvg(funnel, { width, language, title, ownerLabels, idPrefix: 'pacto-export' });
}

/** Renders an SVG document to PNG bytes at `scale` × its size (white background). Rejects if the browser cannot draw it. */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The PNG could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `bytes` as `name` through the bridge: the native save dialog in the app, a download in a browser. */
export async function saveExport(name: string, mimeType: SaveFileMimeType, bytes: Uint8Array<ArrayBuffer>): Promise<Result<SaveFileResult>> {
  return platform().saveFile({ suggestedName: name, mimeType, data: bytes });
}
