/**
 * Rich text: plain-text conversion, normal form, the Yjs fragment layout
 * (compatible with TipTap's collaboration binding, y-tiptap), and term/SLA
 * edits through the workshop document.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { isRichDoc, normalizeRichText, plainToRichDoc, richTextSchema, richTextToPlain, type RichDoc } from '../../shared/domain/rich-text';
import { fragmentToRichDoc, readRichText, richTextFragment, writeRichText } from '../../shared/domain/rich-text-doc';
import { initWorkshopDoc, readWorkshop, setSlaSection, termFragment, updateTerm } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const rich: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Criterios' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Un ' },
        { type: 'text', text: 'MQL', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' cumple el ' },
        { type: 'text', text: 'perfil', marks: [{ type: 'link', attrs: { href: 'https://example.com/icp' } }, { type: 'italic' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'y la puntuación.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cargo directivo' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Empresa > 50' }] }] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'tercero' }] }] }],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Prioridad' }] }] },
            { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Horas' }] }] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Demo' }] }] },
            { type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: '1' }] }] },
          ],
        },
      ],
    },
  ],
};

/** A fragment that belongs to a document (Yjs reads prelim content only once integrated). */
function docFragment(): Y.XmlFragment {
  return new Y.Doc().getXmlFragment('f');
}

describe('richTextToPlain', () => {
  it('keeps a string as it is and flattens a document into blank-line separated blocks', () => {
    expect(richTextToPlain('uno\n\ndos')).toBe('uno\n\ndos');
    expect(richTextToPlain(null)).toBe('');
    expect(richTextToPlain(rich)).toBe(
      ['Criterios', 'Un MQL cumple el perfil\ny la puntuación.', '• Cargo directivo\n• Empresa > 50', '3. tercero', 'Prioridad | Horas\nDemo | 1'].join('\n\n'),
    );
  });
});

describe('normal form', () => {
  it('gives back any plain string exactly through a document and through a Yjs fragment', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'ñ', '\t') }), (text) => {
        expect(normalizeRichText(plainToRichDoc(text))).toBe(text);
        const fragment = docFragment();
        writeRichText(fragment, text);
        expect(readRichText(fragment)).toBe(text);
      }),
    );
  });

  it('keeps formatted text as a document and validates it', () => {
    expect(normalizeRichText(rich)).toBe(rich);
    expect(richTextSchema.parse(rich)).toEqual(rich);
    expect(isRichDoc(rich)).toBe(true);
    expect(richTextSchema.safeParse({ type: 'doc', content: [{ type: 'script', text: 'x' }] }).success).toBe(false);
    expect(richTextSchema.safeParse({ type: 'doc', content: [{ type: 'text', text: '' }] }).success).toBe(false);
  });

  it('reads an empty fragment and an absent field as the empty string', () => {
    expect(readRichText(docFragment())).toBe('');
    expect(readRichText(undefined)).toBe('');
  });
});

describe('Yjs layout is the one TipTap collaboration uses', () => {
  const schema = getSchema([StarterKit, TableKit]);
  // y-tiptap gives every mark its attributes ({} when none) and every node its stored ones.
  const withEmptyMarkAttrs = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) =>
      key === 'marks' && Array.isArray(v) ? v.map((m: { type: string; attrs?: object }) => ({ ...m, attrs: m.attrs ?? {} })) : v,
    );

  it('what Pacto writes, y-tiptap reads as the same ProseMirror JSON', () => {
    const fragment = docFragment();
    writeRichText(fragment, rich);
    expect(yXmlFragmentToProsemirrorJSON(fragment)).toEqual(withEmptyMarkAttrs(rich));
  });

  it('what the editor binding writes, Pacto reads back', () => {
    const fragment = docFragment();
    // The editor's schema fills in every default attribute (e.g. a link's target and rel).
    const node = schema.nodeFromJSON(rich);
    prosemirrorJSONToYXmlFragment(schema, node.toJSON(), fragment);
    const read = fragmentToRichDoc(fragment);
    expect(richTextToPlain(read)).toBe(richTextToPlain(rich));
    expect(schema.nodeFromJSON(read).eq(node)).toBe(true);
  });
});

describe('rich text in the workshop document', () => {
  it('an edit with formatting is read back as a document; the editor fragment is the stored one', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    const fragment = termFragment(doc, 'term-mql', 'definition');
    expect(readRichText(fragment)).toBe(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.definition);
    updateTerm(doc, 'term-mql', { definition: rich });
    // Written into the same fragment: an editor bound to it sees the change.
    expect(termFragment(doc, 'term-mql', 'definition')).toBe(fragment);
    expect(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.definition).toEqual(rich);
    updateTerm(doc, 'term-mql', { examples: 'Ejemplo: Ana, directora de TI.' });
    expect(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.examples).toBe('Ejemplo: Ana, directora de TI.');
  });

  it('refuses an invalid rich text and leaves the term as it was', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    const before = readWorkshop(doc);
    expect(() => updateTerm(doc, 'term-mql', { definition: { type: 'doc', content: [{ type: 'iframe' }] } as unknown as RichDoc })).toThrow(/definition/);
    expect(() => setSlaSection(doc, 'handoff', { type: 'nope' } as unknown as RichDoc)).toThrow(/SLA section/);
    expect(readWorkshop(doc)).toEqual(before);
  });

  it('a new fragment can be set into a map and read', () => {
    const map = new Y.Doc().getMap<unknown>('m');
    map.set('x', richTextFragment(rich));
    expect(readRichText(map.get('x'))).toEqual(rich);
  });
});
