/**
 * Rich text of the workshop (term definitions and criteria, SLA sections):
 * how it looks in a snapshot and how it converts to plain text. Pure data:
 * no Yjs here (the document form is in `rich-text-doc.ts`), so the model and
 * the CLI's plan path can validate workshop content without loading Yjs.
 *
 * Snapshot form ({@link RichText}): either a plain string (documents and
 * versions written before rich text, and any text without formatting) or
 * ProseMirror JSON `{ type: 'doc', content: [...] }` as TipTap produces it
 * (node types and marks of TipTap's StarterKit and table extensions).
 *
 * Normal form: a document that holds only paragraphs of unformatted text
 * (with line breaks) is always given as the plain string it stands for
 * (paragraphs joined by a blank line, `\n` for a hard break). Thus old plain
 * texts keep their exact value — and their fingerprint — when they move into
 * the editor unchanged, and a diff against an older version shows nothing
 * where nothing changed.
 */
import { z } from 'zod';

/** Node types the editors produce (TipTap StarterKit + tables). Others are refused in snapshots. */
export const RICH_NODE_TYPES = [
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'hardBreak',
  'horizontalRule',
  'codeBlock',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
] as const;
export type RichNodeType = (typeof RICH_NODE_TYPES)[number];

/** Mark types the editors produce. */
export const RICH_MARK_TYPES = ['bold', 'italic', 'strike', 'underline', 'code', 'link'] as const;
export type RichMarkType = (typeof RICH_MARK_TYPES)[number];

/** A mark on a text node, e.g. `{ type: 'link', attrs: { href: 'https://…' } }`. */
export interface RichMark {
  type: RichMarkType;
  attrs?: Record<string, unknown>;
}

/** One ProseMirror node as JSON. Text nodes carry `text` (non-empty) and `marks`; others `attrs` and `content`. */
export interface RichNode {
  type: RichNodeType;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}

/** A whole rich text: ProseMirror JSON with a `doc` root. */
export interface RichDoc {
  type: 'doc';
  content: RichNode[];
}

/** A rich text field's value in a snapshot: a plain string (normal form of unformatted text) or a {@link RichDoc}. */
export type RichText = string | RichDoc;

const attrsSchema = z.record(z.string(), z.unknown());

export const richMarkSchema: z.ZodType<RichMark> = z.object({
  type: z.enum(RICH_MARK_TYPES),
  attrs: attrsSchema.optional(),
});

export const richNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.object({
    type: z.enum(RICH_NODE_TYPES),
    attrs: attrsSchema.optional(),
    content: z.array(richNodeSchema).optional(),
    marks: z.array(richMarkSchema).optional(),
    text: z.string().min(1).optional(),
  }),
);

/** Schema of a {@link RichDoc}. */
export const richDocSchema: z.ZodType<RichDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(richNodeSchema),
});

/** Schema of a rich text field: a string (old documents, unformatted text) or a {@link RichDoc}. */
export const richTextSchema: z.ZodType<RichText> = z.union([z.string(), richDocSchema]);

/** True for a {@link RichDoc} (as opposed to a plain string). */
export function isRichDoc(value: RichText): value is RichDoc {
  return typeof value === 'object' && value !== null && value.type === 'doc';
}

const BLOCK_SEPARATOR = '\n\n';

function inlineText(nodes: readonly RichNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? '\n' : inlineText(n.content))).join('');
}

function blocksToPlain(nodes: readonly RichNode[] | undefined): string[] {
  const out: string[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'codeBlock':
        out.push(inlineText(node.content));
        break;
      case 'bulletList':
      case 'orderedList': {
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        const items = (node.content ?? []).map((item, i) => {
          const bullet = node.type === 'bulletList' ? '•' : `${start + i}.`;
          return `${bullet} ${blocksToPlain(item.content).join('\n')}`;
        });
        out.push(items.join('\n'));
        break;
      }
      case 'table':
        out.push((node.content ?? []).map((row) => (row.content ?? []).map((cell) => blocksToPlain(cell.content).join(' ')).join(' | ')).join('\n'));
        break;
      case 'horizontalRule':
        out.push('—');
        break;
      case 'text':
      case 'hardBreak':
        out.push(inlineText([node]));
        break;
      default:
        out.push(...blocksToPlain(node.content));
    }
  }
  return out;
}

/**
 * The plain text of a rich text field, for search, word diffs and side-by-side
 * views: a string is returned as it is; a document gives one paragraph per
 * block (paragraph, heading, list, table) separated by a blank line, list
 * items on their own lines with `•` or `n.`, table cells joined by ` | `, one
 * row a line, hard breaks as `\n`. Marks (bold, links) are dropped.
 */
export function richTextToPlain(value: RichText | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  return blocksToPlain(value.content).join(BLOCK_SEPARATOR);
}

/** True when a rich text holds no visible characters (white space only, or nothing). */
export function isRichTextBlank(value: RichText | null | undefined): boolean {
  return richTextToPlain(value).trim() === '';
}

/**
 * A document for plain `text`: one paragraph per `\n\n`-separated part
 * (exactly, so {@link normalizeRichText} gives `text` back), `\n` inside a
 * part as a hard break. The empty string gives one empty paragraph.
 */
export function plainToRichDoc(text: string): RichDoc {
  return {
    type: 'doc',
    content: text.split(BLOCK_SEPARATOR).map((part) => {
      const inline: RichNode[] = [];
      part.split('\n').forEach((line, i) => {
        if (i > 0) inline.push({ type: 'hardBreak' });
        if (line) inline.push({ type: 'text', text: line });
      });
      return inline.length ? { type: 'paragraph', content: inline } : { type: 'paragraph' };
    }),
  };
}

/** A rich text as a document (a string becomes paragraphs, see {@link plainToRichDoc}). */
export function toRichDoc(value: RichText): RichDoc {
  return typeof value === 'string' ? plainToRichDoc(value) : value;
}

function isPlainParagraph(node: RichNode): boolean {
  if (node.type !== 'paragraph') return false;
  if (node.attrs && Object.values(node.attrs).some((v) => v !== null && v !== undefined)) return false;
  return (node.content ?? []).every((n) => n.type === 'hardBreak' || (n.type === 'text' && !(n.marks && n.marks.length > 0)));
}

/**
 * The normal form of a rich text: a document of unformatted paragraphs only
 * becomes its plain string (see the module comment); anything else is
 * returned as it is. An empty document gives `''`.
 */
export function normalizeRichText(value: RichText): RichText {
  if (typeof value === 'string') return value;
  if (value.content.length === 0) return '';
  if (!value.content.every(isPlainParagraph)) return value;
  return value.content.map((p) => inlineText(p.content)).join(BLOCK_SEPARATOR);
}
