// jsdom setup for component tests: IndexedDB for Dexie, cleanup after each test.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
