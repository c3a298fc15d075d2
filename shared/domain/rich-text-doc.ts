/**
 * Rich text in the Yjs document (see `rich-text.ts` for its snapshot form).
 *
 * Document form: a `Y.XmlFragment` laid out as TipTap's collaboration binding
 * (y-tiptap / y-prosemirror) writes it: one `Y.XmlElement` per node named
 * after its type with its non-null attributes, consecutive text nodes as one
 * `Y.XmlText` whose formatting attributes are the marks (`{ bold: {} }`,
 * `{ link: { href } }`).
 */
import * as Y from 'yjs';
import { normalizeRichText, toRichDoc, type RichDoc, type RichMark, type RichMarkType, type RichNode, type RichNodeType, type RichText } from './rich-text';

/** Plain-data copy of mark attributes as Yjs formatting wants them (`{}` for none). */
function markAttrs(mark: RichMark): Record<string, unknown> {
  return { ...(mark.attrs ?? {}) };
}

function toYNodes(nodes: readonly RichNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let run: RichNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(
      run.map((n) => ({
        insert: n.text ?? '',
        attributes: Object.fromEntries((n.marks ?? []).map((m) => [m.type, markAttrs(m)])),
      })),
    );
    out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) run.push(node);
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    element.insert(0, toYNodes(node.content ?? []));
    out.push(element);
  }
  flush();
  return out;
}

/**
 * Replaces the content of `fragment` with `value` (a string is written as
 * its paragraphs, see {@link plainToRichDoc}). Call inside a transaction to
 * make it one edit. The fragment must belong to a document or be about to be
 * inserted into one (Yjs integrates prelim content on insertion).
 */
export function writeRichText(fragment: Y.XmlFragment, value: RichText): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, toYNodes(toRichDoc(value).content));
}

/** A new fragment holding `value`, to set as a field of a Y.Map. */
export function richTextFragment(value: RichText): Y.XmlFragment {
  const fragment = new Y.XmlFragment();
  fragment.insert(0, toYNodes(toRichDoc(value).content));
  return fragment;
}

function fromYNodes(items: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): RichNode[] {
  const out: RichNode[] = [];
  for (const item of items) {
    if (item instanceof Y.XmlText) {
      for (const d of item.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown>> }[]) {
        if (typeof d.insert !== 'string' || d.insert === '') continue;
        const node: RichNode = { type: 'text', text: d.insert };
        const marks = Object.entries(d.attributes ?? {}).map(([name, attrs]) => {
          // Overlapping marks carry a hash suffix in y-prosemirror (`name--abcdefgh`).
          const type = name.replace(/--[a-zA-Z0-9+/=]{8}$/, '') as RichMarkType;
          return attrs && typeof attrs === 'object' && Object.keys(attrs).length > 0 ? { type, attrs: { ...attrs } } : { type };
        });
        if (marks.length) node.marks = marks;
        out.push(node);
      }
    } else if (item instanceof Y.XmlElement) {
      const node: RichNode = { type: item.nodeName as RichNodeType };
      const attrs = item.getAttributes();
      if (Object.keys(attrs).length) node.attrs = { ...attrs };
      const children = fromYNodes(item.toArray());
      if (children.length) node.content = children;
      out.push(node);
    }
  }
  return out;
}

/** The rich text a fragment holds, as a document (not normalized). */
export function fragmentToRichDoc(fragment: Y.XmlFragment): RichDoc {
  return { type: 'doc', content: fromYNodes(fragment.toArray()) };
}

/** The rich text a stored field holds, in normal form: a fragment is read, a string (old layout) kept. */
export function readRichText(value: unknown): RichText {
  if (value instanceof Y.XmlFragment) return normalizeRichText(fragmentToRichDoc(value));
  return typeof value === 'string' ? value : '';
}
