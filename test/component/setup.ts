// jsdom setup for component tests: IndexedDB for Dexie, cleanup after each test.
// waitFor/findBy* wait up to 20 s for their condition (Testing Library's 1 s
// default ran out on a busy 2-core machine while a workshop was still being
// created); a condition that never comes still fails, as the e2e expect.poll does.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());
