/**
 * Agreement records through the room: this laptop's frozen versions,
 * signatures and audited acts (approvals, withdrawals) are published into the
 * workshop document's append-only maps (`shared/domain/agreement-doc.ts`), and
 * those that arrive from other laptops are copied into this laptop's Dexie.
 *
 * Copying in is one Dexie transaction over versions, signatures and audit:
 * - a version is added when this laptop has no version of that number; when
 *   it has one with other content (two laptops froze the same number while
 *   apart), it keeps its own and the collision is reported (the rule that
 *   decides which one keeps the number everywhere else is `versionCollisions`);
 * - a signature is added only when its fingerprint matches this laptop's copy
 *   of the version it signs (a forged or misdirected one is set aside);
 * - each record's audit event is appended to this laptop's trail as recorded
 *   where it happened (time, zone, actor, details), with `copiedFrom`: which
 *   laptop (device id and name, who sat at it) and the event's hash there.
 *   New events of one pass go in by time, then hash, so laptops agree on it.
 * Entries that fail their checks are logged with the reason, once each; they
 * never overwrite what this laptop has. A read-only seat (the projector)
 * copies in but never publishes.
 */
import type * as Y from 'yjs';
import { liveQuery, type Subscription } from 'dexie';
import { appendAuditEvent, auditEventSchema, type AuditEvent } from '../../../shared/agreement/audit';
import { signatureSchema, type AgreementVersion, type Signature } from '../../../shared/agreement/version';
import {
  publishAgreementEntries,
  readAgreementEntries,
  sharedEventOf,
  SHARED_ACT_TYPES,
  versionCollisions,
  versionKey,
  copiedFromOf,
  type CopiedFrom,
  type ActEntry,
  type Publication,
  type SignatureEntry,
  type VersionEntry,
  type RecordedFrom,
  type RejectedEntry,
  type SharedEvent,
} from '../../../shared/domain/agreement-doc';
import { AGREEMENT_ORIGIN } from '../../../shared/domain/doc-edit';
import { readAudit } from '../../data/audit';
import type { AuditRow, PactoDb } from '../../data/db';
import { currentSeat, type SeatView } from '../../data/seat';
import { activeDoc, edit } from '../../data/session';
import { useAppStore } from '../../store';

/** This laptop as the origin of what it publishes: device id and name, and who sits at it in a room. */
export function recordedFrom(seat: SeatView = currentSeat()): RecordedFrom {
  return { deviceId: seat.deviceId, deviceName: seat.identity?.deviceName ?? '', seat: seat.inRoom ? (seat.identity?.name ?? null) : null };
}

/** Two laptops froze the same version number with different content: this laptop keeps `local`. */
export interface VersionCollision {
  number: number;
  local: AgreementVersion;
  /** The other laptops' versions of that number, as published. */
  others: { version: AgreementVersion; from: RecordedFrom }[];
}

/** What one pass copied in and published, and what it set aside. */
export interface AgreementSync {
  added: { versions: AgreementVersion[]; signatures: Signature[]; events: AuditEvent[] };
  published: number;
  rejected: RejectedEntry[];
  collisions: VersionCollision[];
}

/** How a pass publishes (the session's `edit()` with the agreement origin, one transaction) and whether it may. */
export interface SyncOptions {
  /** Runs the publishing write; default: `edit(write, AGREEMENT_ORIGIN)` on the open workshop. */
  publish?: (write: (doc: Y.Doc) => void) => void;
  /** This laptop's seat; default the current one. A projector seat publishes nothing. */
  seat?: SeatView;
}

const byTimeThenHash = (a: { at: string; hash: string }, b: { at: string; hash: string }) => {
  const d = Date.parse(a.at) - Date.parse(b.at);
  return d !== 0 ? d : a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0;
};

/**
 * One pass for workshop `workshopId` whose document is `doc`: copies what
 * other laptops published into `db` (one transaction), then publishes this
 * laptop's records the document lacks (one transaction). Never throws for a
 * bad entry (it is in `rejected`); throws the database's errors.
 */
export async function syncAgreementRecords(db: PactoDb, doc: Y.Doc, workshopId: string, options: SyncOptions = {}): Promise<AgreementSync> {
  const seat = options.seat ?? currentSeat();
  const entries = readAgreementEntries(doc, workshopId);
  const rejected: RejectedEntry[] = [...entries.rejected];
  const collisions: VersionCollision[] = [];
  const winners = versionCollisions(entries.versions);

  const copied = await db.transaction('rw', db.versions, db.signatures, db.audit, async () => {
    const versions = new Map((await db.versions.where('workshopId').equals(workshopId).toArray()).map((v) => [v.id, v]));
    const signatureIds = new Set((await db.signatures.where('workshopId').equals(workshopId).primaryKeys()).map(String));
    let chain = await readAudit(db, workshopId);
    const known = new Set(chain.flatMap((e) => [e.hash, copiedFromOf(e)?.hash ?? []].flat()));
    const events: { event: SharedEvent; from: RecordedFrom }[] = [];
    const take = (event: SharedEvent, from: RecordedFrom) => {
      if (known.has(event.hash)) return;
      known.add(event.hash);
      events.push({ event, from });
    };
    const added: AgreementSync['added'] = { versions: [], signatures: [], events: [] };

    for (const entry of entries.versions) {
      const { version } = entry;
      const local = versions.get(version.id);
      if (local) {
        if (local.fingerprint === version.fingerprint) take(entry.event, entry.from);
        else {
          const found = collisions.find((c) => c.number === version.number);
          if (found) found.others.push({ version, from: entry.from });
          else collisions.push({ number: version.number, local, others: [{ version, from: entry.from }] });
        }
        continue;
      }
      // Frozen twice with this number elsewhere and this laptop has neither: the one the rule names keeps it.
      const first = winners.get(version.number)?.[0];
      if (first && first.key !== entry.key) {
        rejected.push({ part: 'versions', key: entry.key, reason: `version ${version.number} was also frozen elsewhere, earlier; that one keeps the number` });
        continue;
      }
      await db.versions.add(version);
      versions.set(version.id, version);
      added.versions.push(version);
      take(entry.event, entry.from);
    }

    for (const entry of entries.signatures) {
      const { signature } = entry;
      if (signatureIds.has(signature.id)) {
        take(entry.event, entry.from);
        continue;
      }
      const version = versions.get(signature.versionId);
      if (!version) {
        rejected.push({ part: 'signatures', key: entry.key, reason: `${signature.name} signed a version this laptop does not hold (${signature.versionId})` });
        continue;
      }
      if (version.fingerprint !== signature.fingerprint) {
        rejected.push({
          part: 'signatures',
          key: entry.key,
          reason: `${signature.name}'s signature is bound to fingerprint ${signature.fingerprint.slice(0, 12)}…, not to this laptop's version ${version.number} (${version.fingerprint.slice(0, 12)}…)`,
        });
        continue;
      }
      await db.signatures.add(signatureSchema.parse(signature));
      signatureIds.add(signature.id);
      added.signatures.push(signature);
      take(entry.event, entry.from);
    }

    for (const entry of entries.acts) take(entry.event, entry.from);

    for (const { event, from } of events.sort((a, b) => byTimeThenHash(a.event, b.event))) {
      let next: AuditEvent[];
      try {
        next = appendAuditEvent(chain, {
          type: event.type,
          at: new Date(Date.parse(event.at)),
          timeZone: event.timeZone,
          actor: event.actor,
          details: { ...event.details, copiedFrom: { ...from, hash: event.hash } satisfies CopiedFrom },
        });
      } catch (e) {
        rejected.push({ part: 'acts', key: event.hash, reason: `its audit event cannot be recorded here (${e instanceof Error ? e.message : String(e)})` });
        continue;
      }
      const appended = auditEventSchema.parse(next[next.length - 1]);
      await db.audit.add({ ...appended, workshopId } satisfies AuditRow);
      chain = next;
      added.events.push(appended);
    }
    return { added, versions: [...versions.values()], chain };
  });

  let published = 0;
  if (seat.role !== 'projector') {
    const publication = await missingFromDoc(db, workshopId, copied.chain, entries, seat);
    const count = (publication.versions?.length ?? 0) + (publication.signatures?.length ?? 0) + (publication.acts?.length ?? 0);
    if (count > 0) {
      const publish = options.publish ?? ((write) => void edit(write, AGREEMENT_ORIGIN));
      publish((d) => {
        published = publishAgreementEntries(d, publication);
      });
    }
  }
  return { added: copied.added, published, rejected, collisions };
}

/**
 * This laptop's own records (those with an audit event recorded here, not
 * copied in) that `entries` does not hold yet.
 */
async function missingFromDoc(
  db: PactoDb,
  workshopId: string,
  chain: readonly AuditEvent[],
  entries: ReturnType<typeof readAgreementEntries>,
  seat: SeatView,
): Promise<Publication> {
  const from = recordedFrom(seat);
  const own = chain.filter((e) => copiedFromOf(e) === null);
  const inDoc = {
    versions: new Set(entries.versions.map((e) => e.key)),
    signatures: new Set(entries.signatures.map((e) => e.key)),
    acts: new Set(entries.acts.map((e) => e.key)),
  };
  const versions = await db.versions.where('workshopId').equals(workshopId).toArray();
  const signatures = await db.signatures.where('workshopId').equals(workshopId).toArray();
  const eventOf = (type: 'frozen' | 'signed', match: (e: AuditEvent) => boolean) => {
    const found = own.find((e) => e.type === type && match(e));
    return found ? sharedEventOf(found) : null;
  };
  const publication = { versions: [] as Omit<VersionEntry, 'key'>[], signatures: [] as Omit<SignatureEntry, 'key'>[], acts: [] as Omit<ActEntry, 'key'>[] };
  for (const version of versions) {
    if (inDoc.versions.has(versionKey(version))) continue;
    const event = eventOf('frozen', (e) => e.details['fingerprint'] === version.fingerprint && e.details['version'] === version.number);
    if (event) publication.versions.push({ version, event, from });
  }
  for (const signature of signatures) {
    if (inDoc.signatures.has(signature.id)) continue;
    const event = eventOf('signed', (e) => e.details['fingerprint'] === signature.fingerprint && e.actor.participantId === signature.participantId);
    if (event) publication.signatures.push({ signature, event, from });
  }
  for (const e of own) {
    if ((SHARED_ACT_TYPES as readonly string[]).includes(e.type) && !inDoc.acts.has(e.hash))
      publication.acts.push({ workshopId, event: sharedEventOf(e), from });
  }
  return publication;
}

/**
 * Publishes this laptop's new records (a version it froze, a signature made
 * here, an approval) into the open workshop's document: one `edit()` with the
 * agreement origin (one transaction, outside the undo history). Nothing from
 * a read-only seat or when no workshop is open; the watcher publishes later
 * what did not go out now.
 */
export function publishToRoom(publication: Publication, seat: SeatView = currentSeat()): void {
  if (seat.role === 'projector' || !activeDoc()) return;
  edit((doc) => void publishAgreementEntries(doc, publication), AGREEMENT_ORIGIN);
}

/** Logs each rejected entry and collision once (by its words), so a pass that finds them again stays quiet. */
function reporter(log: (message: string) => void): (sync: AgreementSync) => void {
  const said = new Set<string>();
  const say = (message: string) => {
    if (said.has(message)) return;
    said.add(message);
    log(message);
  };
  return (sync) => {
    for (const r of sync.rejected) say(`Pacto room: set aside ${r.part} entry ${r.key.slice(0, 80)}: ${r.reason}`);
    for (const c of sync.collisions) {
      const devices = c.others.map((o) => o.from.deviceName || o.from.seat || o.from.deviceId).join(', ');
      say(`Pacto room: version ${c.number} was also frozen on ${devices} with other content; this laptop keeps its own version ${c.number}`);
    }
  };
}

/**
 * Keeps the open workshop's agreement records in step with its document:
 * runs {@link syncAgreementRecords} when a workshop opens, when the agreement
 * maps change (an entry from another laptop), and when this laptop's
 * versions, signatures or trail change. Passes never overlap
 * (one runs at a time, and changes during it run one more). `onError` gets
 * database errors; `log` the reasons entries were set aside. Returns the
 * unsubscribe function.
 */
export function watchAgreementRecords(
  db: PactoDb,
  onError: (e: unknown) => void = () => undefined,
  log: (message: string) => void = (m) => console.warn(m),
): () => void {
  const report = reporter(log);
  const noticed = new Set<string>();
  const collisionKey = (c: VersionCollision) => `${c.local.id}:${c.others.map((o) => o.version.fingerprint).join(',')}`;
  let current: { id: string; doc: Y.Doc; stop: () => void } | null = null;
  let running = false;
  let again = false;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const target = current;
        if (!target || activeDoc() !== target.doc) break;
        try {
          const sync = await syncAgreementRecords(db, target.doc, target.id);
          report(sync);
          // Said once per collision: a later pass that finds it again does not bring back a dismissed notice.
          const c = sync.collisions.find((x) => !noticed.has(collisionKey(x)));
          if (c) {
            noticed.add(collisionKey(c));
            const o = c.others[0]!;
            useAppStore.getState().setNotice({
              kind: 'info',
              key: 'agreement.room.versionCollision',
              values: { number: c.number, device: o.from.deviceName || o.from.seat || o.from.deviceId },
            });
          }
        } catch (e) {
          onError(e);
        }
      } while (again);
    } finally {
      running = false;
    }
  };

  const attach = (id: string | null) => {
    if (current?.id === id && current.doc === activeDoc()) return;
    current?.stop();
    current = null;
    const doc = activeDoc();
    if (!id || !doc) return;
    const maps = ['versions', 'signatures', 'acts'].map((name) => doc.getMap<unknown>(name));
    const onChange = () => void run();
    for (const m of maps) m.observe(onChange);
    let sub: Subscription | null = liveQuery(async () => [
      await db.versions.where('workshopId').equals(id).count(),
      await db.signatures.where('workshopId').equals(id).count(),
      await db.audit.where('workshopId').equals(id).count(),
    ]).subscribe({ next: onChange, error: onError });
    current = {
      id,
      doc,
      stop: () => {
        for (const m of maps) m.unobserve(onChange);
        sub?.unsubscribe();
        sub = null;
      },
    };
    void run();
  };

  const unsubscribe = useAppStore.subscribe((state) => attach(state.session?.id ?? null));
  attach(useAppStore.getState().session?.id ?? null);
  return () => {
    unsubscribe();
    current?.stop();
    current = null;
  };
}
