/**
 * The canvas in a room: says which stage this laptop has selected (others
 * see it in this laptop's colour) and marks the stages others have selected
 * with their colour and name. Presence itself is `data/presence.ts`; this is
 * the canvas' small use of it. Outside a room both do nothing.
 */
import { useEffect, useMemo } from 'react';
import { setSelection, useRemoteSelections, type Peer } from '../../data/presence';
import type { StageNode } from './canvas-model';

/** What the canvas shows of others' selections on a stage: their names and the first one's colour. */
export interface StagePresence {
  names: string;
  color: string;
}

/**
 * Publishes this canvas' selection (its first stage, else its first arrow,
 * with the funnel as scope) while `editable`, and clears it when the canvas
 * goes away.
 */
export function usePublishSelection(funnelId: string, selection: { stages: readonly string[]; transitions: readonly string[] }, editable: boolean): void {
  const stage = selection.stages[0] ?? null;
  const transition = selection.transitions[0] ?? null;
  useEffect(() => {
    if (!editable) return;
    setSelection(stage ? { kind: 'stage', id: stage, scope: funnelId } : transition ? { kind: 'transition', id: transition, scope: funnelId } : null);
  }, [funnelId, stage, transition, editable]);
  useEffect(() => (editable ? () => setSelection(null) : undefined), [editable]);
}

const decorated = new WeakMap<StageNode, { peers: Peer[]; node: StageNode }>();

function presenceOf(peers: readonly Peer[]): StagePresence {
  return { names: peers.map((p) => p.name).join(', '), color: peers[0]!.color };
}

/**
 * `nodes` with the stages others selected in funnel `funnelId` marked
 * (`data.presence`). Unmarked nodes, and marked ones whose node and peers
 * did not change, keep their identity, so a drag re-renders nothing extra.
 */
export function useNodesWithPresence(nodes: StageNode[], funnelId: string): StageNode[] {
  const remote = useRemoteSelections('stage', funnelId);
  return useMemo(() => {
    if (remote.size === 0) return nodes;
    return nodes.map((n) => {
      const peers = remote.get(n.id);
      if (!peers) return n;
      const cached = decorated.get(n);
      if (cached && cached.peers === peers) return cached.node;
      const node = { ...n, data: { ...n.data, presence: presenceOf(peers) } };
      decorated.set(n, { peers, node });
      return node;
    });
  }, [nodes, remote]);
}
