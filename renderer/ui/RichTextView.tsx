/**
 * Read-only rendering of a rich text field ({@link RichText}) as React
 * elements: for the printed agreement and read-only views. A plain string
 * shows as paragraphs (blank-line separated, `\n` as line breaks). Only the
 * node and mark types of `shared/domain/rich-text.ts` render; anything else
 * shows its children. Links render as text with their address, never as a
 * live link (the print view must not navigate).
 */
import { Fragment, type ReactNode } from 'react';
import { toRichDoc, type RichMark, type RichNode, type RichText } from '../../shared/domain/rich-text';
import './rich-text.css';

function withMarks(text: ReactNode, marks: readonly RichMark[] | undefined, key: number): ReactNode {
  let out = text;
  for (const mark of marks ?? []) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>;
        break;
      case 'italic':
        out = <em>{out}</em>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'link': {
        const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href : '';
        out = (
          <span className="rt-link" title={href}>
            {out}
            {href && href !== text ? <span className="rt-link__href"> ({href})</span> : null}
          </span>
        );
        break;
      }
    }
  }
  return <Fragment key={key}>{out}</Fragment>;
}

function cellSpan(node: RichNode): { colSpan?: number; rowSpan?: number } {
  const colSpan = typeof node.attrs?.colspan === 'number' && node.attrs.colspan > 1 ? node.attrs.colspan : undefined;
  const rowSpan = typeof node.attrs?.rowspan === 'number' && node.attrs.rowspan > 1 ? node.attrs.rowspan : undefined;
  return { colSpan, rowSpan };
}

function renderNodes(nodes: readonly RichNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => renderNode(node, i));
}

function renderNode(node: RichNode, key: number): ReactNode {
  const children = renderNodes(node.content);
  switch (node.type) {
    case 'text':
      return withMarks(node.text ?? '', node.marks, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'paragraph':
      return <p key={key}>{children}</p>;
    case 'heading': {
      // Headings inside a field sit below the section (h2) and item (h3) headings.
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
      return level <= 1 ? <h4 key={key}>{children}</h4> : level === 2 ? <h5 key={key}>{children}</h5> : <h6 key={key}>{children}</h6>;
    }
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={typeof node.attrs?.start === 'number' ? node.attrs.start : undefined}>
          {children}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{children}</li>;
    case 'blockquote':
      return <blockquote key={key}>{children}</blockquote>;
    case 'codeBlock':
      return <pre key={key}>{children}</pre>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'table':
      return (
        <table key={key} className="rt-table">
          <tbody>{children}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{children}</tr>;
    case 'tableHeader':
      return (
        <th key={key} {...cellSpan(node)}>
          {children}
        </th>
      );
    case 'tableCell':
      return (
        <td key={key} {...cellSpan(node)}>
          {children}
        </td>
      );
    default:
      return <Fragment key={key}>{children}</Fragment>;
  }
}

/** Renders `value` read-only inside a `div.rich-text` (with `className` added). Empty text renders nothing inside. */
export function RichTextView({ value, className, testId }: { value: RichText | null | undefined; className?: string; testId?: string }) {
  const doc = toRichDoc(value ?? '');
  const empty = doc.content.every((n) => n.type === 'paragraph' && !n.content);
  return (
    <div className={className ? `rich-text ${className}` : 'rich-text'} data-testid={testId}>
      {empty ? null : renderNodes(doc.content)}
    </div>
  );
}
