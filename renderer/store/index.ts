/**
 * The app's zustand store: UI state and the read model of the open workshop
 * (derived from its Y.Doc by the session's observer; React renders from here).
 * Slices: app (language, route, notices), workshops (the home list), session
 * (the open workshop), files (recent files, the open workshop's file and
 * its state, the merge-or-copy question). Mutations of workshop content never go through the
 * store: they are Yjs transactions (see `data/session.ts`).
 */
import { create } from 'zustand';
import type { Language, WorkshopContent } from '../../shared/domain/workshop';
import type { AgreementVersion, Signature, WorkshopStatus } from '../../shared/agreement/version';
import type { WorkshopIndexRow } from '../data/db';
import type { OpenedFile, RecentFile } from '../../shared/bridge/contract';
import type { PactoFile } from '../../shared/file/pacto-file';
import type { FileLink } from '../data/file-links';
import type { SaveStatus } from '../data/save-status';

/** The workshop's steps in menu order; `agenda` (facilitation) comes first. */
export const STEPS = ['agenda', 'participants', 'funnel', 'glossary', 'sla', 'targets', 'sign', 'export', 'versions'] as const;
export type Step = (typeof STEPS)[number];

/**
 * Where the user is. `focus`: the id of an item the step opens on (e.g. the
 * glossary term a funnel gap concerns); steps that do not know it ignore it.
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'workshop'; id: string; step: Step; focus?: string }
  /** Restore from backup, for workshop `id`; `from` is the step to go back to (absent: the home screen). */
  | { screen: 'backups'; id: string; from?: Step };

export interface Notice {
  kind: 'info' | 'error';
  /** i18n key and its values. */
  key: string;
  values?: Record<string, string | number>;
  /** Offer a retry of the failed save. */
  retry?: boolean;
  /** Offer "Restore from a backup" of this workshop id (a damaged workshop). */
  restore?: string;
}

export interface SessionState {
  id: string;
  content: WorkshopContent;
  canUndo: boolean;
  canRedo: boolean;
  /** Frozen versions, oldest first. */
  versions: AgreementVersion[];
  /** Signatures of every version of this workshop. */
  signatures: Signature[];
  status: WorkshopStatus;
}

interface AppSlice {
  language: Language;
  route: Route;
  notice: Notice | null;
  setLanguage(language: Language): void;
  navigate(route: Route): void;
  setNotice(notice: Notice | null): void;
}

interface WorkshopsSlice {
  workshops: WorkshopIndexRow[] | null;
  setWorkshops(rows: WorkshopIndexRow[]): void;
}

interface SessionSlice {
  session: SessionState | null;
  /** Whether the open workshop's edits are on disk; null with no workshop open. */
  save: SaveStatus | null;
  /** Some field holds typing not committed yet (within its commit delay). */
  typing: boolean;
  setSession(session: SessionState | null): void;
  setSave(save: SaveStatus): void;
  setTyping(typing: boolean): void;
  patchSession(patch: Partial<SessionState>): void;
}

/** A file whose workshop is already in Pacto: the user picks merge, a separate copy, or cancel. */
export interface FilePrompt {
  opened: OpenedFile;
  file: PactoFile;
  /** `open` links the workshop to the file afterwards; `import` does not. */
  intent: 'open' | 'import';
  /** The title of the workshop already here. */
  title: string;
}

interface FilesSlice {
  recentFiles: RecentFile[];
  setRecentFiles(list: RecentFile[]): void;
  /** The open workshop's file (null: none) and its state fingerprint now (null: not computed yet). */
  fileState: { workshopId: string; link: FileLink | null; fingerprint: string | null } | null;
  setFileState(state: FilesSlice['fileState']): void;
  filePrompt: FilePrompt | null;
  setFilePrompt(prompt: FilePrompt | null): void;
}

export type AppState = AppSlice & WorkshopsSlice & SessionSlice & FilesSlice;

export const useAppStore = create<AppState>()((set) => ({
  language: 'es',
  route: { screen: 'home' },
  notice: null,
  setLanguage: (language) => set({ language }),
  navigate: (route) => set({ route }),
  setNotice: (notice) => set({ notice }),

  workshops: null,
  setWorkshops: (workshops) => set({ workshops }),

  session: null,
  save: null,
  setSession: (session) => set(session ? { session } : { session, save: null }),
  setSave: (save) => set({ save }),
  typing: false,
  setTyping: (typing) => set({ typing }),
  patchSession: (patch) => set((s) => (s.session ? { session: { ...s.session, ...patch } } : {})),

  recentFiles: [],
  setRecentFiles: (recentFiles) => set({ recentFiles }),
  fileState: null,
  setFileState: (fileState) => set({ fileState }),
  filePrompt: null,
  setFilePrompt: (filePrompt) => set({ filePrompt }),
}));
