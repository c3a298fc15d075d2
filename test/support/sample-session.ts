/**
 * What component tests that open the sample workshop share: each test opens
 * a fresh copy of the sample (dated `date`) in `language`, optionally on one
 * step of the workshop screen, and leaves it closed and unmounted. The
 * funnel steps' tests also stand in for the ResizeObserver React Flow needs
 * and jsdom lacks (their canvases are tested in a real browser).
 */
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { Language } from '../../shared/domain/vocabulary';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { db } from '../../renderer/data/instance';
import { closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { initI18n } from '../../renderer/i18n';
import { useAppStore, type Step } from '../../renderer/store';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** How {@link sampleSessionEachTest} opens the sample. */
export interface SampleSessionOptions {
  /** The UI language (default English). */
  language?: Language;
  /** The sample's date, ISO `YYYY-MM-DD` (default 2026-11-30). */
  date?: string;
  /** The workshop step to open on; without it the route is left alone. */
  step?: Step;
  /** Stand in for ResizeObserver (React Flow's canvases). */
  resizeObserver?: boolean;
  /** Runs after each test, once the session is closed. */
  after?: () => void;
}

/**
 * Registers the hooks: before each test a new copy of the sample workshop is
 * created and opened; after each, the tree is unmounted and the session closed.
 * Returns the open workshop's id (valid inside a test).
 */
export function sampleSessionEachTest({ language = 'en', date = '2026-11-30', step, resizeObserver = false, after }: SampleSessionOptions = {}): () => string {
  let id = '';
  beforeAll(async () => {
    if (resizeObserver) (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
    await initI18n(language);
  });
  beforeEach(async () => {
    useAppStore.getState().setLanguage(language);
    id = await createWorkshop(db, sampleWorkshop(date));
    await openSession(db, id);
    if (step) useAppStore.getState().navigate({ screen: 'workshop', id, step });
  });
  afterEach(() => {
    cleanup();
    closeSession();
    after?.();
  });
  return () => id;
}
