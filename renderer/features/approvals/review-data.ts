/**
 * Approvals, comments and Compare's gap resolutions of the open workshop for
 * React: read straight from the workshop's Y.Doc (they are not part of the
 * store's snapshot content) and kept in step with it; docs/architecture.md
 * ("Two read paths") says why. The intents that write approvals and comments
 * are in `./actions.ts`, those that settle gaps in `../funnel/actions.ts`.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { approvalStates, type Approval, type ItemApprovalState } from '../../../shared/agreement/approvals';
import { readApprovals } from '../../../shared/domain/approvals-doc';
import { readComments, type WorkshopComment } from '../../../shared/domain/comments-doc';
import { readGapResolutions } from '../../../shared/domain/gap-resolutions-doc';
import type { GapResolution } from '../../../shared/funnel/gap-resolutions';
import { activeDoc } from '../../data/session';
import { useAppStore } from '../../store';

/** A value read from the open workshop's document, re-read after every update. `read` must be a stable function. */
export function useDocPart<T>(read: (doc: Y.Doc) => T, empty: T): T {
  const sessionId = useAppStore((s) => s.session?.id ?? null);
  const [value, setValue] = useState<T>(() => {
    const doc = activeDoc();
    return doc ? read(doc) : empty;
  });
  useEffect(() => {
    const doc = activeDoc();
    if (!doc) return;
    const refresh = () => setValue(read(doc));
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [sessionId, read]);
  return value;
}

const NO_APPROVALS: Approval[] = [];
const NO_COMMENTS: WorkshopComment[] = [];
const NO_RESOLUTIONS: GapResolution[] = [];

/** Every approval of the open workshop. */
export function useApprovals(): Approval[] {
  return useDocPart(readApprovals, NO_APPROVALS);
}

/** Every comment of the open workshop, oldest first. */
export function useComments(): WorkshopComment[] {
  return useDocPart(readComments, NO_COMMENTS);
}

/** How Compare's gaps of the open workshop were settled, by gap id (Compare and the freeze card). */
export function useGapResolutions(): GapResolution[] {
  return useDocPart(readGapResolutions, NO_RESOLUTIONS);
}

/** Where each term and clause stands (in document order), from the current content and approvals. */
export function useApprovalStates(): ItemApprovalState[] {
  const content = useAppStore((s) => s.session!.content);
  const approvals = useApprovals();
  return approvalStates(content, approvals);
}
