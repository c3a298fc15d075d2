/** The table of contents: each section's heading and the page it starts on (filled in after a first print); printed on the cover. */
import type { TocLine } from './types';

export function TocList({ toc }: { toc: readonly TocLine[] }) {
  return (
    <ol className="print-toc__list">
      {toc.map((line) => (
        <li key={line.id} className="print-toc__line">
          <span className="print-toc__title">{line.title}</span>
          <span className="print-toc__leader" aria-hidden="true" />
          <span className="print-toc__page">{line.page ?? ''}</span>
        </li>
      ))}
    </ol>
  );
}
