/**
 * The built renderer page carries Pacto's Content-Security-Policy (Electron
 * security checklist item 7) and Chromium enforces it: the page the e2e
 * suite serves is the one `build/renderer.vite.config.ts` builds for the app.
 * The policy comes first in <head>, before any script or style loads, and
 * it is exactly `contentSecurityPolicy({ meta: true })`, with no inline
 * script in the page; an inline script or a script from another origin
 * injected into the running app is refused.
 * (In the app, main also sends the policy as a header with each app://
 * response: tested in electron-app-protocol.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { contentSecurityPolicy } from '../../electron/main/security';
import { launchApp, pageErrors } from '../support/app';

const url = inject('pactoUrl');

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
});

afterAll(async () => {
  await context?.close();
});

describe('Content-Security-Policy of the built page', () => {
  it('is the first element of <head> in the built index.html, with the production policy', async () => {
    const html = await (await fetch(url)).text();
    // Parsed as Chromium parses it (attribute entities decoded), from the file as served, not the live DOM.
    const built = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const first = doc.head.firstElementChild;
      return {
        firstTag: first?.tagName.toLowerCase(),
        httpEquiv: first?.getAttribute('http-equiv'),
        content: first?.getAttribute('content'),
        policies: doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]').length,
        inlineScripts: [...doc.querySelectorAll('script')].filter((script) => !script.src).length,
        scripts: doc.querySelectorAll('script[src]').length,
      };
    }, html);
    expect(built).toEqual({
      firstTag: 'meta',
      httpEquiv: 'Content-Security-Policy',
      content: contentSecurityPolicy({ meta: true }),
      policies: 1,
      // No inline script anywhere in the built page: the policy would refuse it.
      inlineScripts: 0,
      scripts: 1,
    });
    expect(built.content).toContain("script-src 'self'");
    expect(built.content).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('is enforced in the running app: injected inline and foreign scripts do not run', async () => {
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      const waiting: { match: (event: SecurityPolicyViolationEvent) => boolean; resolve: () => void }[] = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
        waiting.filter((waiter) => waiter.match(event)).forEach((waiter) => waiter.resolve());
      });
      const violation = (match: (event: SecurityPolicyViolationEvent) => boolean) => new Promise<void>((resolve) => waiting.push({ match, resolve }));
      const inlineRefused = violation((event) => event.blockedURI === 'inline');
      const foreignRefused = violation((event) => event.blockedURI.includes('127.0.0.1:9'));
      const inline = document.createElement('script');
      inline.textContent = 'window.__pactoInline = true;';
      document.head.appendChild(inline);
      // Without a policy the inline script has run by now: report at once rather than wait.
      if ((window as { __pactoInline?: boolean }).__pactoInline === true) return { seen, inlineRan: true };
      const foreign = document.createElement('script');
      foreign.src = 'http://127.0.0.1:9/x.js';
      document.head.appendChild(foreign);
      // Each refusal fires its violation event; the test waits for both.
      await Promise.all([inlineRefused, foreignRefused]);
      return { seen, inlineRan: (window as { __pactoInline?: boolean }).__pactoInline === true };
    });
    expect(violations.inlineRan).toBe(false);
    expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem inline', 'script-src-elem http://127.0.0.1:9/x.js']));
    // The app itself loaded under the policy without a violation (openApp records any).
    expect(pageErrors(page).filter((e) => !/127\.0\.0\.1:9|inline/.test(e))).toEqual([]);
  });
});
