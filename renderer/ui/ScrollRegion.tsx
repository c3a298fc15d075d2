/**
 * A region that scrolls (a wide table): focusable with the keyboard
 * (tabIndex 0, so arrow keys scroll it) and named for screen readers, as
 * WCAG's "scrollable region must be keyboard accessible" asks.
 */
import type { ReactNode } from 'react';

/** A `.table-scroll` box named `label`, reachable with Tab. */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
