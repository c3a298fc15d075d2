/**
 * One strings rule: every translation key the code uses exists in Spanish
 * and English, and every key the strings files define is used somewhere
 * (no dead strings). es/en parity of each file is the compiler's job
 * (`featureStrings`, `Strings<typeof es>`); this test reads the source.
 *
 * A key counts as used when it appears in the source as a whole string
 * literal (`t('agreement.export.done')`, `key: 'app.about'`, `cond ? 'a.b' : 'a.c'`),
 * or falls under a template literal's fixed prefix (`t(\`model.kinds.${kind}\`)`
 * uses every `model.kinds.*`). i18next plural forms (`x_one`, `x_other`)
 * count as the key `x`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedT, initI18n, resourcesFor } from '../../renderer/i18n';

const root = join(__dirname, '..', '..');
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key path of a strings tree. */
function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v as Record<string, unknown>, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The source without block comments and line comments (a `//` after a word character or quote, as in a URL, is kept). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

/** Files that define strings rather than use them. */
const isStringsFile = (path: string) => /renderer\/i18n\/(es|en)\.ts$|renderer\/features\/[^/]+\/strings\.ts$/.test(relative(root, path).replace(/\\/g, '/'));

const sources = sourceFiles(join(root, 'renderer'))
  .filter((p) => !isStringsFile(p))
  // Comments are not code: a key named in a comment is neither used nor unknown.
  .map((path) => ({ path: relative(root, path), text: stripComments(readFileSync(path, 'utf8')) }));

const resources = { es: await resourcesFor('es'), en: await resourcesFor('en') };
const defined = { es: new Set(leafKeys(resources.es)), en: new Set(leafKeys(resources.en)) };
const base = (key: string) => key.replace(PLURAL, '');
const definedBases = { es: new Set([...defined.es].map(base)), en: new Set([...defined.en].map(base)) };
const namespaces = new Set([...defined.es, ...defined.en].map((k) => k.split('.')[0]!));

/** String literals in the source that look like keys of a known namespace ("agreement.export.done"). */
const literals: { key: string; path: string; inCall: boolean }[] = [];
/** Fixed prefixes of template-literal keys (`model.kinds.`). */
const prefixes = new Set<string>();
/** Template-literal keys passed to t() whose namespace does not exist (`t(\`review.${x}\`)` after `review` was renamed). */
const unknownPrefixes: string[] = [];
for (const { path, text } of sources) {
  for (const m of text.matchAll(/(\bt\(\s*)?(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\2/g)) {
    const key = m[3]!;
    // A key passed to t() counts whatever its namespace: one of a namespace that no longer exists is unknown, not ignored.
    if (m[1] !== undefined || namespaces.has(key.split('.')[0]!)) literals.push({ key, path, inCall: m[1] !== undefined });
  }
  for (const m of text.matchAll(/(\bt\(\s*)?`([A-Za-z][\w-]*\.[\w.-]*)\$\{/g)) {
    if (namespaces.has(m[2]!.split('.')[0]!)) prefixes.add(m[2]!);
    else if (m[1] !== undefined) unknownPrefixes.push(`${m[2]!}\${…} (${path})`);
  }
}
const usedLiterals = new Set(literals.map((l) => l.key));

describe('translation keys', () => {
  it('finds the keys the code uses (the scan works)', () => {
    expect(usedLiterals.has('agreement.export.done')).toBe(true);
    // t() keys are scanned whatever their namespace, so a key of a removed namespace is caught as unknown.
    expect(namespaces.has('review')).toBe(false);
    expect(literals.filter((l) => l.inCall).length).toBeGreaterThan(200);
  });

  for (const language of ['es', 'en'] as const) {
    it(`every key the code passes to t() exists in ${language}`, () => {
      const unknown = literals
        .filter((l) => l.inCall && !defined[language].has(l.key) && !definedBases[language].has(l.key))
        .map((l) => `${l.key} (${l.path})`);
      expect([...new Set(unknown)]).toEqual([]);
    });
  }

  it('every template key passed to t() starts with a namespace that exists', () => {
    expect(unknownPrefixes).toEqual([]);
  });

  it('every defined key is used by the code (no dead strings)', () => {
    const dead = [...defined.es].filter((key) => {
      const k = base(key);
      if (usedLiterals.has(k) || usedLiterals.has(key)) return false;
      for (const p of prefixes) if (key.startsWith(p)) return false;
      return true;
    });
    expect(dead).toEqual([]);
  });
});

describe('plurals', () => {
  beforeAll(async () => {
    await initI18n('es');
  });

  it('follow i18next plural rules in both languages: "1 evento", "1 event"', () => {
    const es = fixedT('es');
    const en = fixedT('en');
    expect(es('agreement.audit.chainOk', { count: 1, head: 'h' })).toBe('Cadena íntegra: 1 evento, último hash h');
    expect(es('agreement.audit.chainOk', { count: 3, head: 'h' })).toBe('Cadena íntegra: 3 eventos, último hash h');
    expect(en('agreement.audit.chainOk', { count: 1, head: 'h' })).toBe('Chain intact: 1 event, last hash h');
    expect(en('agreement.pdf.summary.inMonths', { count: 1 })).toBe('in 1 month');
    expect(es('funnel.copied', { count: 1 })).toBe('Copiada 1 etapa.');
  });

  it('every count in a string has its plural forms (a key with {{count}} and no _one/_other reads "1 eventos")', () => {
    const single = (tree: Record<string, unknown>) =>
      leafKeys(tree).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree);
        // A count in brackets labels a list ("Avisos (3)") and reads the same for 1.
        return typeof value === 'string' && /\{\{count\}\}/.test(value.replace(/\(\{\{count\}\}\)/g, '')) && !PLURAL.test(key);
      });
    // Counts that are never 1: a selection of several, a position "of N".
    const allowed = new Set(['funnel.panel.many', 'facilitation.block.moved']);
    expect(single(resources.es).filter((k) => !allowed.has(k))).toEqual([]);
  });
});
