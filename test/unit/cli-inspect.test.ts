// `pacto inspect <file.pacto>` and `pacto plan <file.pacto>`, in-process
// through runCli: the summary and versions of the frozen fixtures, each
// version's fingerprint recomputed and signatures checked, the agreed
// scenario planned as the app plans it, and exit codes 0/1/2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPacto } from '../support/cli';
import type { InspectReport } from '../../electron/cli/inspect';
import { decodePactoFile } from '../../shared/file/pacto-file';
import { sha256Hex } from '../../shared/agreement/fingerprint';
import { agreedScenarioPlan } from '../../shared/model/workshop-scenarios';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CURRENT = 'test/fixtures/workshop-format-1.pacto';
const LAYOUT_1 = 'test/fixtures/workshop-layout-1.pacto';

const run = runPacto;

const fixture = (path: string) => {
  const d = decodePactoFile(new Uint8Array(readFileSync(new URL(path, `file://${root}/`))));
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
};

describe('pacto inspect', () => {
  it('prints the workshop summary and each version with fingerprint, signatories and whether it verifies', async () => {
    const r = await run(['inspect', CURRENT]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Acuerdo Marketing–Ventas 2027 — Nubecom Soluciones');
    expect(r.out).toContain(`Workshop ${fixture(CURRENT).workshopId}`);
    expect(r.out).toMatch(/Agreed funnel: 6 stages — Lead → MQL → SAL → SQL → Oportunidad → Cliente/);
    expect(r.out).toMatch(/Glossary: 6 terms/);
    expect(r.out).toMatch(/SLA: 6 commitments/);
    expect(r.out).toMatch(/Scenarios: .*Base \(agreed\)/);
    expect(r.out).toMatch(/^1 +c9f8 bf87 .* signed +yes$/m);
    expect(r.out).toContain('v1 Jorge Ibáñez Muñoz (sales): signed 2026-11-30T18:04:05+01:00 Europe/Madrid');
  });

  it('--json: versions with the fingerprint recomputed from the snapshot, standing and signatories', async () => {
    const r = await run(['inspect', CURRENT, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as InspectReport;
    const file = fixture(CURRENT);
    expect(report.workshop).toMatchObject({ id: file.workshopId, company: 'Nubecom Soluciones' });
    expect(report.stages).toHaveLength(6);
    expect(report.terms.map((t) => t.acronym)).toContain('MQL');
    expect(report.slaCommitments).toHaveLength(6);
    expect(report.versions).toEqual([
      expect.objectContaining({ number: 1, fingerprint: sha256Hex(file.versions[0]!.snapshotJson), standing: 'signed', verifies: true, problems: [] }),
    ]);
    expect(report.versions[0]!.signatories.every((s) => s.signed)).toBe(true);
    expect(report.audit).toEqual({ events: 4, intact: true });
  });

  it('reads an older layout through its migration; a version signed by one of two is partly signed', async () => {
    const report = JSON.parse((await run(['inspect', LAYOUT_1, '--json'])).out) as InspectReport;
    expect(report.format).toMatchObject({ schemaVersion: 1, migrated: ['doc-002-rich-text'] });
    expect(report.versions[0]).toMatchObject({ standing: 'partly-signed', verifies: true });
    expect(report.versions[0]!.signatories.filter((s) => s.signed).map((s) => s.name)).toEqual(['Lucía Fernández Ortega']);
  });

  it('exits 1 with what is wrong for a damaged, foreign or missing file', async () => {
    const json = JSON.parse(readFileSync(new URL(CURRENT, `file://${root}/`), 'utf8')) as { versions: { snapshotJson: string }[] };
    json.versions[0]!.snapshotJson = json.versions[0]!.snapshotJson.replace('Nubecom', 'Nubecon');
    const tampered = await run(['inspect', 'x.pacto'], { 'x.pacto': JSON.stringify(json) });
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/x\.pacto: Version 1's content does not match its fingerprint.*\(damaged part: versions\)/);
    expect(await run(['inspect', 'r.pacto'], { 'r.pacto': '%PDF-1.7' })).toMatchObject({ code: 1, err: expect.stringContaining('a PDF document') });
    expect((await run(['inspect', 'nope.pacto'])).err).toMatch(/Cannot read the workshop file nope.pacto: no such file/);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await run(['inspect'])).code).toBe(2);
    expect((await run(['inspect', CURRENT, '--mapping', 'm.json'])).code).toBe(2);
    expect((await run(['inspect', CURRENT, 'extra'])).code).toBe(2);
  });
});

describe('pacto plan <file.pacto>', () => {
  it('plans the workshop’s agreed scenario, as the app does', async () => {
    const r = await run(['plan', CURRENT, '--json']);
    expect(r.code).toBe(0);
    const planned = agreedScenarioPlan(fixture(CURRENT).content);
    if (!planned.ok) throw new Error(planned.message);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify({ scenario: planned.scenario, plan: planned.plan })));
    expect((await run(['plan', CURRENT])).out).toMatch(/^Scenario "Base" \(base\)/);
  });

  it('recognises a workshop file by its content under another name, and refuses a damaged one with exit 1', async () => {
    const bytes = readFileSync(new URL(CURRENT, `file://${root}/`));
    expect((await run(['plan', 'workshop.json'], { 'workshop.json': new Uint8Array(bytes) })).code).toBe(0);
    const r = await run(['plan', 'cut.pacto'], { 'cut.pacto': new Uint8Array(bytes.subarray(0, 5000)) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cut\.pacto: .*cut short/);
  });
});
