/**
 * What the funnel step's component tests share: React Flow measures its
 * pane and jsdom has no ResizeObserver (the canvases themselves are tested
 * in a real browser), and each test opens the sample workshop, in English,
 * on the Funnel step.
 */
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { db } from '../../renderer/data/instance';
import { closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Registers the hooks: each test starts on the sample's Funnel step (dated `date`); `after` runs after each, once the session is closed. */
export function sampleOnFunnelStep(date: string, after: () => void = () => undefined): void {
  beforeAll(async () => {
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
    await initI18n('en');
  });
  beforeEach(async () => {
    useAppStore.getState().setLanguage('en');
    const id = await createWorkshop(db, sampleWorkshop(date));
    await openSession(db, id);
    useAppStore.getState().navigate({ screen: 'workshop', id, step: 'funnel' });
  });
  afterEach(() => {
    cleanup();
    closeSession();
    after();
  });
}
