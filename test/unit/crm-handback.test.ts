// The agreement handed back to the CRM: every file parses with a standard
// parser for its format (JSON.parse, papaparse, fflate for the ZIP,
// fast-xml-parser for the XML) and carries every agreed definition, entry
// and exit criterion, as plain text even when the glossary holds rich text.
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { agreedStages, handbackFiles, HANDBACK_FORMATS, hubspotOptions, salesforceValues, type HandbackFile } from '../../shared/crm/handback';
import { richTextToPlain, type RichDoc } from '../../shared/domain/rich-text';
import type { WorkshopContent } from '../../shared/domain/workshop';
import { newWorkshopContent, sampleWorkshop } from '../../shared/sample/standard-content';

const SPANISH = sampleWorkshop('2026-11-20');

/** An English workshop whose MQL definition is rich text (bold, a list, a link) and which has a Disqualified side stage. */
function englishRich(): WorkshopContent {
  const c = newWorkshopContent({ title: 'Alignment 2027', company: 'Acme', date: '2026-11-20', currency: 'USD', language: 'en', pageSize: 'Letter' });
  const rich: RichDoc = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A lead that meets ' },
          { type: 'text', text: 'both', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' agreed criteria:' },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fit: ideal customer profile' }] }] },
          {
            type: 'listItem',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'engagement: score 60 or more, see ' },
                  { type: 'text', text: 'the model', marks: [{ type: 'link', attrs: { href: 'https://example.com/score' } }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
  const mql = c.terms.find((t) => t.id === 'term-mql')!;
  mql.definition = rich;
  mql.entryCriteria = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Score ≥ 60 & "demo" <requested>' }] }] };
  c.terms.push({
    id: 'term-dq',
    name: 'Disqualified',
    acronym: '',
    definition: 'Not a buyer: wrong profile, no budget or a competitor.',
    entryCriteria: 'Sales records a reason from the list.',
    exitCriteria: 'None: kept for reporting.',
    ownerTeam: 'sales',
  });
  c.funnels.agreed.stages.push({ id: 'stage-dq', name: 'Disqualified', ownerTeam: 'sales', termId: 'term-dq', x: 0, y: 200 });
  c.funnels.agreed.transitions.push({ id: 'tr-sql-dq', source: 'stage-sql', target: 'stage-dq', conversionRate: 0.5, averageDays: 3, recycle: false });
  return c;
}
const ENGLISH = englishRich();

const decode = (f: HandbackFile) => new TextDecoder().decode(f.bytes);
const file = (files: HandbackFile[], name: string) => files.find((f) => f.name === name)!;
const parseCsv = (f: HandbackFile) => {
  const r = Papa.parse<string[]>(decode(f).replace(/^\ufeff/, ''), { skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
};
/** Every agreed stage's definition, entry and exit criteria, as plain text (what each file must carry). */
const agreedTexts = (c: WorkshopContent) => agreedStages(c).flatMap((s) => [s.definition, s.entryCriteria, s.exitCriteria].filter((t) => t !== ''));

describe.each([
  ['Spanish sample', SPANISH],
  ['English with rich text', ENGLISH],
])('%s', (_, content) => {
  const texts = agreedTexts(content);

  it('knows every stage of the agreed funnel with its definition', () => {
    expect(
      agreedStages(content)
        .map((s) => s.id)
        .sort(),
    ).toEqual(content.funnels.agreed.stages.map((s) => s.id).sort());
    expect(texts.length).toBeGreaterThanOrEqual(content.funnels.agreed.stages.length * 3);
  });

  it('HubSpot: the JSON bodies parse and their options carry every definition and criterion', () => {
    const files = handbackFiles(content, 'hubspot');
    expect(files.map((f) => f.name)).toEqual(['hubspot-lifecycle-stages.json', 'hubspot-lead-status.json', 'hubspot-options.csv', 'hubspot-howto.md']);
    const lifecycle = JSON.parse(decode(files[0]!)) as { options: { label: string; value: string; description: string }[] };
    const leadStatus = JSON.parse(decode(files[1]!)) as { options: { label: string; value: string; description: string }[] };
    const descriptions = [...lifecycle.options, ...leadStatus.options].map((o) => o.description).join('\n');
    for (const t of texts) expect(descriptions).toContain(t);
    for (const o of [...lifecycle.options, ...leadStatus.options])
      expect(Object.keys(o).sort()).toEqual(['description', 'displayOrder', 'hidden', 'label', 'value']);
    // HubSpot's own internal values for its default lifecycle stages.
    expect(lifecycle.options.map((o) => o.value)).toEqual(['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer']);
    const table = parseCsv(files[2]!);
    expect(table[0]).toEqual(['property', 'label', 'value', 'description']);
    expect(table).toHaveLength(1 + content.funnels.agreed.stages.length);
    for (const t of texts) expect(table.map((r) => r[3]).join('\n')).toContain(t);
  });

  it('Salesforce: the archive unzips, every XML file is well formed, and values and Path guidance carry every definition', () => {
    const files = handbackFiles(content, 'salesforce');
    const parts = unzipSync(file(files, 'salesforce-metadata.zip').bytes);
    expect(Object.keys(parts).sort()).toEqual([
      'package.xml',
      'pathAssistants/Lead_Pacto.pathAssistant',
      'pathAssistants/Opportunity_Pacto.pathAssistant',
      'standardValueSets/LeadStatus.standardValueSet',
      'standardValueSets/OpportunityStage.standardValueSet',
    ]);
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['standardValue', 'pathAssistantSteps', 'types', 'members'].includes(name) });
    const xml = Object.fromEntries(
      Object.entries(parts).map(([path, bytes]) => {
        const source = strFromU8(bytes);
        expect(XMLValidator.validate(source)).toBe(true);
        return [path, parser.parse(source) as Record<string, Record<string, unknown>>];
      }),
    );
    const pkg = xml['package.xml']!.Package as { types: { members: string[]; name: string }[] };
    expect(pkg.types.map((t) => [t.name, t.members])).toEqual([
      ['StandardValueSet', ['LeadStatus', 'OpportunityStage']],
      ['PathAssistant', ['Lead_Pacto', 'Opportunity_Pacto']],
    ]);
    type Value = { fullName: string; description: string; probability?: number; converted?: boolean; closed?: boolean; won?: boolean };
    const lead = (xml['standardValueSets/LeadStatus.standardValueSet']!.StandardValueSet as { standardValue: Value[] }).standardValue;
    const opp = (xml['standardValueSets/OpportunityStage.standardValueSet']!.StandardValueSet as { standardValue: Value[] }).standardValue;
    const all = [...lead, ...opp].map((v) => v.description).join('\n');
    for (const t of texts) expect(all).toContain(t);
    // One converted status: the last lead stage before the opportunity (SQL).
    expect(lead.filter((v) => v.converted).map((v) => v.fullName)).toEqual(['SQL']);
    // Opportunity 25 % (its agreed win rate), the customer stage Closed Won at 100 %, then Closed Lost at 0 %.
    expect(opp.map((v) => [v.probability, v.closed, v.won])).toEqual([
      [25, false, false],
      [100, true, true],
      [0, true, false],
    ]);
    // Path guidance: one step per value, as HTML whose text is the same definition.
    const steps = (
      xml['pathAssistants/Opportunity_Pacto.pathAssistant']!.PathAssistant as { pathAssistantSteps: { info: string; picklistValueName: string }[] }
    ).pathAssistantSteps;
    expect(steps.map((s) => s.picklistValueName)).toEqual(opp.map((v) => v.fullName));
    const opportunity = agreedStages(content).find((s) => s.kind === 'opportunity')!;
    expect(steps[0]!.info).toContain(
      `<p>${opportunity.definition.split('\n')[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')}`,
    );
    const table = parseCsv(file(files, 'salesforce-stages.csv'));
    expect(table.slice(1).map((r) => r[2])).toEqual([...lead, ...opp].map((v) => v.fullName));
  });

  it('CSV: stages with owner, criteria, rate and days; SLA commitments with party, metric, target, unit, period, how measured', () => {
    const [stages, sla] = handbackFiles(content, 'csv');
    const s = parseCsv(stages!);
    expect(s).toHaveLength(1 + content.funnels.agreed.stages.length);
    for (const t of texts) expect(s.flat().join('\n')).toContain(t);
    // Lead → MQL: 25 % in 14 days (the standard funnel).
    expect(s[1]!.slice(-3)).toEqual(['MQL', '25', '14']);
    const c = parseCsv(sla!);
    expect(c).toHaveLength(1 + content.sla.commitments.length);
    content.sla.commitments.forEach((k, i) => {
      expect(c[i + 1]!.slice(1, 5)).toEqual([k.commitment, k.metric, String(k.target), k.unit]);
      expect(c[i + 1]![6]).toBe(k.measurement ?? '');
    });
  });

  it('Markdown and JSON: every term and commitment, and the projection itself', () => {
    const md = decode(handbackFiles(content, 'md')[0]!);
    for (const t of content.terms) {
      expect(md).toContain(`### ${t.name}`);
      for (const line of richTextToPlain(t.definition).split('\n')) expect(md).toContain(line.trim());
    }
    for (const k of content.sla.commitments) expect(md).toContain(k.metric);
    expect(JSON.parse(decode(handbackFiles(content, 'json')[0]!))).toEqual(content);
  });

  it('gives the same bytes for the same agreement (no time stamps or random ids)', () => {
    for (const format of HANDBACK_FORMATS) {
      expect(handbackFiles(content, format).map((f) => [...f.bytes])).toEqual(handbackFiles(content, format).map((f) => [...f.bytes]));
    }
  });
});

describe('rich text becomes plain text', () => {
  it('keeps the words and list items, drops marks, links and the document structure', () => {
    const mql = hubspotOptions(ENGLISH).lifecyclestage.find((o) => o.value === 'marketingqualifiedlead')!;
    expect(mql.description).toBe(
      'A lead that meets both agreed criteria:\n\n• fit: ideal customer profile\n• engagement: score 60 or more, see the model\n\nEntry criteria: Score ≥ 60 & "demo" <requested>\n\nExit criteria: ' +
        richTextToPlain(ENGLISH.terms.find((t) => t.id === 'term-mql')!.exitCriteria) +
        '\n\nOwner: Marketing',
    );
    expect(mql.description).not.toMatch(/"type"|https:|\*\*/);
  });

  it('escapes what XML must escape, and the parser gives the text back', () => {
    const lead = salesforceValues(ENGLISH);
    const xml = strFromU8(
      unzipSync(file(handbackFiles(ENGLISH, 'salesforce'), 'salesforce-metadata.zip').bytes)['standardValueSets/LeadStatus.standardValueSet']!,
    );
    expect(xml).toContain('Score ≥ 60 &amp; &quot;demo&quot; &lt;requested&gt;');
    const parsed = new XMLParser({ isArray: (n) => n === 'standardValue' }).parse(xml) as { StandardValueSet: { standardValue: { description: string }[] } };
    expect(parsed.StandardValueSet.standardValue.map((v) => v.description)).toEqual(lead.leadStatus.map((v) => v.description));
  });

  it('puts SAL and side stages (Disqualified) in HubSpot lead status, Disqualified as HubSpot’s UNQUALIFIED', () => {
    expect(hubspotOptions(ENGLISH).hs_lead_status.map((o) => [o.label, o.value])).toEqual([
      ['SAL', 'SAL'],
      ['Disqualified', 'UNQUALIFIED'],
    ]);
  });
});
