/**
 * Pagination from the printed PDF's outline: headings with their level and
 * page (nested bookmarks included), and the table of contents checked
 * against it.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PdfPagination } from '../../shared/bridge/contract';
import { readPdfOutline } from '../../shared/pdf/outline';
import { pagesOf, tocMismatches } from '../../shared/pdf/toc';

/** A PDF of `pages` pages whose outline has a top heading on page 1 with `children` nested under it (title, page). */
async function nestedOutlinePdf(pages: number, top: string, children: readonly [string, number][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const refs = Array.from({ length: pages }, () => pdf.addPage([595, 842]).ref);
  const root = pdf.context.nextRef();
  const parent = pdf.context.nextRef();
  const kids: PDFRef[] = children.map(() => pdf.context.nextRef());
  children.forEach(([title, page], i) => {
    const dict: Record<string, unknown> = { Title: PDFHexString.fromText(title), Parent: parent, Dest: [refs[page - 1]!, 'XYZ', 0, 800, 0] };
    if (i > 0) dict['Prev'] = kids[i - 1];
    if (i < kids.length - 1) dict['Next'] = kids[i + 1];
    pdf.context.assign(kids[i]!, pdf.context.obj(dict as never));
  });
  pdf.context.assign(
    parent,
    pdf.context.obj({
      Title: PDFHexString.fromText(top),
      Parent: root,
      Dest: [refs[0]!, 'XYZ', 0, 800, 0],
      First: kids[0]!,
      Last: kids.at(-1)!,
      Count: kids.length,
    } as never),
  );
  pdf.context.assign(root, pdf.context.obj({ Type: 'Outlines', First: parent, Last: parent, Count: 1 } as never));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  return pdf.save();
}

describe('readPdfOutline', () => {
  it('reads nested headings in document order with their level and 1-based page', async () => {
    const bytes = await nestedOutlinePdf(9, 'Acuerdo Marketing–Ventas 2027', [
      ['Índice', 2],
      ['Partes', 3],
      ['Certificado de firma', 9],
    ]);
    expect(await readPdfOutline(bytes)).toEqual({
      pageCount: 9,
      headings: [
        { title: 'Acuerdo Marketing–Ventas 2027', level: 1, page: 1 },
        { title: 'Índice', level: 2, page: 2 },
        { title: 'Partes', level: 2, page: 3 },
        { title: 'Certificado de firma', level: 2, page: 9 },
      ],
    });
  });

  it('gives no headings for a PDF without an outline, and throws for bytes that are not a PDF', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(await readPdfOutline(await pdf.save())).toEqual({ pageCount: 1, headings: [] });
    await expect(readPdfOutline(new TextEncoder().encode('hola'))).rejects.toThrow();
  });
});

describe('pagesOf and tocMismatches', () => {
  const pagination: PdfPagination = {
    pageCount: 8,
    headings: [
      { title: 'Acuerdo', level: 1, page: 1 },
      { title: 'Glosario', level: 2, page: 3 },
      { title: 'Compromisos de Marketing', level: 3, page: 6 },
      { title: 'Notas', level: 2, page: 5 },
      { title: 'Notas', level: 2, page: 7 },
    ],
  };

  it('finds each title once, in document order, white space collapsed', () => {
    expect(pagesOf(['Glosario', 'Notas', 'Notas', 'Notas'], pagination)).toEqual([3, 5, 7, null]);
    expect(pagesOf(['  Compromisos   de\nMarketing '], pagination)).toEqual([6]);
  });

  it('lists the entries whose page is wrong or missing; none when the contents are right', () => {
    expect(
      tocMismatches(
        [
          { title: 'Glosario', page: 3 },
          { title: 'Notas', page: 5 },
        ],
        pagination,
      ),
    ).toEqual([]);
    expect(
      tocMismatches(
        [
          { title: 'Glosario', page: 4 },
          { title: 'Firmas', page: 8 },
        ],
        pagination,
      ),
    ).toEqual([
      { title: 'Glosario', claimed: 4, actual: 3 },
      { title: 'Firmas', claimed: 8, actual: null },
    ]);
  });
});
