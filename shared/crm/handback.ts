/**
 * Back to the CRM: what the workshop agreed (the agreed funnel's stages, the
 * glossary's definitions with entry and exit criteria and owners, the SLA's
 * commitments) as files a CRM admin applies instead of retyping them:
 *
 * - HubSpot: the contact properties `lifecyclestage` and `hs_lead_status`
 *   with one option per agreed stage, `{ label, value, description }`, the
 *   agreed definition in `description` (a JSON body for the CRM properties
 *   API, and the same as a table to paste), with a short how-to.
 * - Salesforce: lead statuses and opportunity stages with definitions and
 *   probabilities as deployable metadata (a ZIP with `package.xml`, the
 *   `LeadStatus` and `OpportunityStage` standard value sets and Path
 *   guidance per stage), the same as a CSV, and a how-to.
 * - Plain CSVs of the stages and of the SLA commitments, for anyone.
 * - A readable Markdown summary (glossary, SLA, agreed funnel) and the JSON
 *   projection itself (the CLI's `md` and `json`).
 *
 * Pure: takes the {@link WorkshopContent}, returns file names and bytes.
 * Rich text becomes plain text (`richTextToPlain`: lists as `•` lines,
 * blocks separated by blank lines, marks dropped); CSVs are written by
 * papaparse, ZIPs by fflate. Rules and layouts: docs/crm-export.md.
 */
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { Commitment, FunnelStage, Language, Party, Period, Term, WorkshopContent } from '../domain/workshop';
import { TEAM_NAMES } from '../domain/workshop';
import { mainPath } from '../funnel/graph';
import { richTextToPlain } from '../domain/rich-text';
import { flowOrder } from '../funnel/graph';
import type { StageKind } from '../funnel/names';
import { stageKindOf } from '../funnel/stages';

/** Export formats of `pacto export` and the Export step. */
export const HANDBACK_FORMATS = ['hubspot', 'salesforce', 'csv', 'md', 'json'] as const;
export type HandbackFormat = (typeof HANDBACK_FORMATS)[number];

/** MIME types of the files made here (each with its extension in the name). */
export type HandbackMimeType = 'application/json' | 'text/csv' | 'text/markdown' | 'application/zip';

/** One file to save. */
export interface HandbackFile {
  /** File name without folders, e.g. `hubspot-lifecycle-stages.json`. */
  name: string;
  mimeType: HandbackMimeType;
  bytes: Uint8Array;
}

/** One stage of the agreed funnel with what the glossary and the model agreed about it. */
export interface AgreedStage {
  id: string;
  name: string;
  /** Standard kind (lead, mql, sal, sql, opportunity, customer, recycled, disqualified, subscriber); null for a stage of the team's own. */
  kind: StageKind | null;
  ownerTeam: Party;
  /** The glossary term defining the stage, when linked (or found by kind). */
  term: Term | null;
  /** Plain text of the term's definition; the stage's own description when it has no term; "" when neither. */
  definition: string;
  entryCriteria: string;
  exitCriteria: string;
  /** On the agreed main path (false for recycled, disqualified and other side branches). */
  mainPath: boolean;
  /** Next main-path stage's name, rate to it (fraction 0..1) and average days; null on the last stage and off the path. */
  next: { name: string; conversionRate: number; averageDays: number } | null;
  /** Share of this stage's records the agreed funnel expects to become customers (product of the main-path rates to the end), fraction 0..1; null off the path. */
  closeProbability: number | null;
}

/**
 * The agreed funnel's stages in flow order (main path first, then side
 * stages such as Recycled or Disqualified), with definitions as plain text.
 */
export function agreedStages(content: WorkshopContent): AgreedStage[] {
  const funnel = content.funnels.agreed;
  const path = mainPath(funnel);
  const onPath = new Map(path.map((p, i) => [p.stage.id, i]));
  const probability: number[] = [];
  for (let i = path.length - 1, p = 1; i >= 0; i--) {
    probability[i] = p;
    p *= path[i - 1]?.next?.conversionRate ?? 0;
  }
  const byId = new Map(funnel.stages.map((s) => [s.id, s]));
  const order = flowOrder(funnel);
  const ordered = [...path.map((p) => p.stage.id), ...order.filter((id) => !onPath.has(id))].map((id) => byId.get(id)!);
  return ordered.map((stage: FunnelStage) => {
    const kind = stageKindOf(stage, content.terms);
    const term = content.terms.find((t) => t.id === stage.termId) ?? null;
    const i = onPath.get(stage.id);
    const step = i === undefined ? null : path[i]!;
    const nextStage = step?.next ? byId.get(step.next.target) : undefined;
    return {
      id: stage.id,
      name: stage.name,
      kind,
      ownerTeam: term?.ownerTeam ?? stage.ownerTeam,
      term,
      definition: plain(term ? richTextToPlain(term.definition) : (stage.description ?? '')),
      entryCriteria: plain(richTextToPlain(term?.entryCriteria)),
      exitCriteria: plain(richTextToPlain(term?.exitCriteria)),
      mainPath: i !== undefined,
      next: step?.next && nextStage ? { name: nextStage.name, conversionRate: step.next.conversionRate, averageDays: step.next.averageDays } : null,
      closeProbability: i === undefined ? null : probability[i]!,
    };
  });
}

/** Trims each line and collapses runs of blank lines (rich text → one clean plain text). */
function plain(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Words of the files, in the workshop's language (these are file contents for people, not UI strings).
const WORDS = {
  es: {
    marketing: TEAM_NAMES.es.marketing,
    sales: TEAM_NAMES.es.sales,
    definition: 'Definición',
    entry: 'Criterios de entrada',
    exit: 'Criterios de salida',
    owner: 'Responsable',
    stage: 'Etapa',
    acronym: 'Sigla',
    next: 'Siguiente etapa',
    rate: 'Conversión a la siguiente (%)',
    days: 'Días a la siguiente',
    probability: 'Probabilidad de cierre (%)',
    mainPath: 'Camino principal',
    yes: 'sí',
    no: 'no',
    party: 'Parte',
    commitment: 'Compromiso',
    metric: 'Métrica',
    target: 'Meta',
    unit: 'Unidad',
    period: 'Periodo',
    measured: 'Cómo se mide',
    whenMissed: 'Si no se cumple',
    periods: { lead: 'por lead', week: 'semana', month: 'mes', quarter: 'trimestre', year: 'año' } satisfies Record<Period, string>,
    closedLost: 'Cerrada perdida',
    closedLostDefinition: 'La oportunidad se cerró sin venta; se registra el motivo.',
    glossary: 'Glosario',
    draft: 'borrador: la copia de trabajo, no una versión congelada',
    sla: 'SLA: compromisos',
    funnel: 'Embudo acordado',
    examples: 'Ejemplos',
  },
  en: {
    marketing: TEAM_NAMES.en.marketing,
    sales: TEAM_NAMES.en.sales,
    definition: 'Definition',
    entry: 'Entry criteria',
    exit: 'Exit criteria',
    owner: 'Owner',
    stage: 'Stage',
    acronym: 'Acronym',
    next: 'Next stage',
    rate: 'Rate to next (%)',
    days: 'Days to next',
    probability: 'Close probability (%)',
    mainPath: 'Main path',
    yes: 'yes',
    no: 'no',
    party: 'Party',
    commitment: 'Commitment',
    metric: 'Metric',
    target: 'Target',
    unit: 'Unit',
    period: 'Period',
    measured: 'How measured',
    whenMissed: 'When missed',
    periods: { lead: 'per lead', week: 'week', month: 'month', quarter: 'quarter', year: 'year' } satisfies Record<Period, string>,
    closedLost: 'Closed Lost',
    closedLostDefinition: 'The opportunity closed without a sale; the reason is recorded.',
    glossary: 'Glossary',
    draft: 'draft: the working copy, not a frozen version',
    sla: 'SLA commitments',
    funnel: 'Agreed funnel',
    examples: 'Examples',
  },
} as const;

const percentText = (fraction: number) => String(Math.round(fraction * 1000) / 10);

/** One text holding the definition, entry and exit criteria and owner, for a CRM's single description field. */
export function stageDescription(stage: AgreedStage, language: Language): string {
  const w = WORDS[language];
  const parts = [stage.definition];
  if (stage.entryCriteria) parts.push(`${w.entry}: ${stage.entryCriteria}`);
  if (stage.exitCriteria) parts.push(`${w.exit}: ${stage.exitCriteria}`);
  parts.push(`${w.owner}: ${w[stage.ownerTeam]}`);
  return parts.filter((p) => p !== '').join('\n\n');
}

const csv = (rows: (string | number)[][]) => strToU8(`\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);
const text = (value: string) => strToU8(value.endsWith('\n') ? value : `${value}\n`);

// ---------------------------------------------------------------- plain CSV

/** The stages CSV: stage, acronym, owner, definition, entry and exit criteria, next stage, rate (%) and days to it. */
export function stagesCsv(content: WorkshopContent): Uint8Array {
  const w = WORDS[content.meta.language];
  const rows: (string | number)[][] = [[w.stage, w.acronym, w.owner, w.definition, w.entry, w.exit, w.mainPath, w.next, w.rate, w.days]];
  for (const s of agreedStages(content)) {
    rows.push([
      s.name,
      s.term?.acronym ?? '',
      w[s.ownerTeam],
      s.definition,
      s.entryCriteria,
      s.exitCriteria,
      s.mainPath ? w.yes : w.no,
      s.next?.name ?? '',
      s.next ? percentText(s.next.conversionRate) : '',
      s.next ? s.next.averageDays : '',
    ]);
  }
  return csv(rows);
}

/** The SLA CSV: party, commitment, metric, target, unit, period, how measured, when missed. */
export function slaCsv(content: WorkshopContent): Uint8Array {
  const w = WORDS[content.meta.language];
  const rows: (string | number)[][] = [[w.party, w.commitment, w.metric, w.target, w.unit, w.period, w.measured, w.whenMissed]];
  for (const c of content.sla.commitments as Commitment[]) {
    rows.push([w[c.party], c.commitment, c.metric, c.target, c.unit, w.periods[c.period], c.measurement ?? '', c.whenMissed ?? '']);
  }
  return csv(rows);
}

// ---------------------------------------------------------------- HubSpot

/** HubSpot's internal values of the default lifecycle stages. */
const HUBSPOT_LIFECYCLE: Partial<Record<StageKind, string>> = {
  subscriber: 'subscriber',
  lead: 'lead',
  mql: 'marketingqualifiedlead',
  sql: 'salesqualifiedlead',
  opportunity: 'opportunity',
  customer: 'customer',
};
/** HubSpot's default lead-status values that stand for an agreed stage kind. */
const HUBSPOT_LEAD_STATUS: Partial<Record<StageKind, string>> = { disqualified: 'UNQUALIFIED' };

/** A HubSpot property option. */
export interface HubSpotOption {
  label: string;
  /** Internal value: HubSpot's default where the stage is a standard one, else a slug of the name. */
  value: string;
  description: string;
  displayOrder: number;
  hidden: boolean;
}

const slug = (name: string, upper: boolean) => {
  const s = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return upper ? s.toUpperCase() : s.toLowerCase();
};

/**
 * The options of HubSpot's contact properties from the agreed funnel:
 * `lifecyclestage` = main-path stages HubSpot has as lifecycle stages
 * (subscriber, lead, MQL, SQL, opportunity, customer) plus any stage of the
 * team's own on the main path; `hs_lead_status` = the states a lead is
 * worked in that HubSpot keeps as lead status: SAL (accepted), Recycled,
 * Disqualified and other side stages.
 */
export function hubspotOptions(content: WorkshopContent): { lifecyclestage: HubSpotOption[]; hs_lead_status: HubSpotOption[] } {
  const lifecycle: HubSpotOption[] = [];
  const leadStatus: HubSpotOption[] = [];
  const language = content.meta.language;
  for (const s of agreedStages(content)) {
    const asLeadStatus = s.kind === 'sal' || !s.mainPath;
    const list = asLeadStatus ? leadStatus : lifecycle;
    const value = asLeadStatus
      ? (HUBSPOT_LEAD_STATUS[s.kind ?? 'subscriber'] ?? slug(s.name, true))
      : (HUBSPOT_LIFECYCLE[s.kind ?? 'sal'] ?? slug(s.name, false));
    list.push({ label: s.name, value, description: stageDescription(s, language), displayOrder: list.length, hidden: false });
  }
  return { lifecyclestage: lifecycle, hs_lead_status: leadStatus };
}

function hubspotHowTo(content: WorkshopContent): string {
  const es = content.meta.language === 'es';
  return es
    ? `# Llevar las definiciones acordadas a HubSpot

Archivos:
- \`hubspot-lifecycle-stages.json\` y \`hubspot-lead-status.json\`: el cuerpo de una petición
  \`PATCH https://api.hubapi.com/crm/v3/properties/contacts/lifecyclestage\` (y \`…/hs_lead_status\`)
  con las opciones de la propiedad; cada opción lleva en \`description\` la definición acordada,
  los criterios de entrada y salida y el responsable.
- \`hubspot-options.csv\`: las mismas opciones en una tabla (propiedad, etiqueta, valor interno, descripción)
  para pegarlas a mano.

Con la API (una app privada con el permiso crm.schemas.contacts.write):

    curl -X PATCH https://api.hubapi.com/crm/v3/properties/contacts/hs_lead_status \\
      -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
      --data @hubspot-lead-status.json

A mano: Configuración › Objetos › Contactos › Ciclo de vida (o Propiedades › Estado del lead):
edite cada etapa u opción y pegue su descripción desde el CSV.

Antes de aplicar: las opciones de la petición sustituyen a las de la propiedad, así que
revise que estén todas las que usa (los valores internos por defecto de HubSpot se conservan:
lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer). Una etapa del ciclo
de vida propia (no estándar) se crea en Configuración, y HubSpot le asigna su propio valor interno.
Pruebe primero en una cuenta de prueba (sandbox).
`
    : `# Taking the agreed definitions into HubSpot

Files:
- \`hubspot-lifecycle-stages.json\` and \`hubspot-lead-status.json\`: the body of a
  \`PATCH https://api.hubapi.com/crm/v3/properties/contacts/lifecyclestage\` (and \`…/hs_lead_status\`)
  request with the property's options; each option's \`description\` holds the agreed definition,
  the entry and exit criteria and the owner.
- \`hubspot-options.csv\`: the same options as a table (property, label, internal value, description)
  to paste by hand.

With the API (a private app with the crm.schemas.contacts.write scope):

    curl -X PATCH https://api.hubapi.com/crm/v3/properties/contacts/hs_lead_status \\
      -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
      --data @hubspot-lead-status.json

By hand: Settings › Objects › Contacts › Lifecycle stage (or Properties › Lead Status):
edit each stage or option and paste its description from the CSV.

Before applying: the request's options replace the property's, so check that every option you
use is there (HubSpot's default internal values are kept: lead, marketingqualifiedlead,
salesqualifiedlead, opportunity, customer). A lifecycle stage of your own (not a default one) is
created in Settings, where HubSpot gives it its own internal value. Try it in a sandbox first.
`;
}

function hubspotFiles(content: WorkshopContent): HandbackFile[] {
  const options = hubspotOptions(content);
  const rows: string[][] = [['property', 'label', 'value', 'description']];
  for (const [property, list] of Object.entries(options)) for (const o of list) rows.push([property, o.label, o.value, o.description]);
  return [
    { name: 'hubspot-lifecycle-stages.json', mimeType: 'application/json', bytes: json({ options: options.lifecyclestage }) },
    { name: 'hubspot-lead-status.json', mimeType: 'application/json', bytes: json({ options: options.hs_lead_status }) },
    { name: 'hubspot-options.csv', mimeType: 'text/csv', bytes: csv(rows) },
    { name: 'hubspot-howto.md', mimeType: 'text/markdown', bytes: text(hubspotHowTo(content)) },
  ];
}

// ---------------------------------------------------------------- Salesforce

/** Metadata API version of the files. */
export const SALESFORCE_API_VERSION = '62.0';

/** One picklist value of a Salesforce standard value set. */
export interface SalesforceValue {
  /** API name and label (the agreed stage name). */
  fullName: string;
  description: string;
  /** Lead status only: the status a lead is converted at (the last lead stage before the opportunity). */
  converted?: boolean;
  /** Opportunity stage only. */
  probability?: number;
  closed?: boolean;
  won?: boolean;
  forecastCategory?: 'Pipeline' | 'BestCase' | 'Commit' | 'Closed' | 'Omitted';
  /** Path guidance for the stage (plain text; written as HTML paragraphs). */
  guidance: string;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
/** Salesforce picklist API names are at most 255 characters. */
const sfName = (name: string) => name.slice(0, 255);

/**
 * Lead statuses and opportunity stages from the agreed funnel: stages before
 * the opportunity (and side stages such as Recycled, Disqualified) are lead
 * statuses, the last lead stage on the main path the converted one; the
 * opportunity and later main-path stages are opportunity stages with the
 * agreed probability to close (product of the rates to the customer), the
 * customer stage as Closed Won, plus a Closed Lost.
 */
export function salesforceValues(content: WorkshopContent): { leadStatus: SalesforceValue[]; opportunityStage: SalesforceValue[] } {
  const language = content.meta.language;
  const w = WORDS[language];
  const stages = agreedStages(content);
  const path = stages.filter((s) => s.mainPath);
  let oppIndex = path.findIndex((s) => s.kind === 'opportunity');
  if (oppIndex < 0) oppIndex = Math.max(0, path.length - 2);
  const leadStatus: SalesforceValue[] = [];
  const opportunityStage: SalesforceValue[] = [];
  path.forEach((s, i) => {
    const description = stageDescription(s, language);
    if (i < oppIndex) {
      leadStatus.push({ fullName: sfName(s.name), description, converted: i === oppIndex - 1, guidance: description });
    } else if (i < path.length - 1 || path.length === 1) {
      const probability = Math.round((s.closeProbability ?? 0) * 100);
      opportunityStage.push({
        fullName: sfName(s.name),
        description,
        probability,
        closed: false,
        won: false,
        forecastCategory: probability >= 70 ? 'Commit' : probability >= 40 ? 'BestCase' : 'Pipeline',
        guidance: description,
      });
    } else {
      opportunityStage.push({
        fullName: sfName(s.name),
        description,
        probability: 100,
        closed: true,
        won: true,
        forecastCategory: 'Closed',
        guidance: description,
      });
    }
  });
  opportunityStage.push({
    fullName: w.closedLost,
    description: w.closedLostDefinition,
    probability: 0,
    closed: true,
    won: false,
    forecastCategory: 'Omitted',
    guidance: w.closedLostDefinition,
  });
  for (const s of stages.filter((x) => !x.mainPath)) {
    const description = stageDescription(s, language);
    leadStatus.push({ fullName: sfName(s.name), description, converted: false, guidance: description });
  }
  return { leadStatus, opportunityStage };
}

function standardValueSetXml(values: readonly SalesforceValue[], kind: 'lead' | 'opportunity'): string {
  const items = values.map((v) => {
    const lines = [
      `        <fullName>${xmlEscape(v.fullName)}</fullName>`,
      '        <default>false</default>',
      `        <label>${xmlEscape(v.fullName)}</label>`,
      `        <description>${xmlEscape(v.description.slice(0, 1000))}</description>`,
    ];
    if (kind === 'lead') lines.push(`        <converted>${v.converted ? 'true' : 'false'}</converted>`);
    else
      lines.push(
        `        <closed>${v.closed ? 'true' : 'false'}</closed>`,
        `        <forecastCategory>${v.forecastCategory}</forecastCategory>`,
        `        <probability>${v.probability}</probability>`,
        `        <won>${v.won ? 'true' : 'false'}</won>`,
      );
    return `    <standardValue>\n${lines.join('\n')}\n    </standardValue>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<StandardValueSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <sorted>false</sorted>\n${items.join('\n')}\n</StandardValueSet>\n`;
}

/** Guidance as the HTML Path shows: one paragraph per block, line breaks kept. */
const guidanceHtml = (guidance: string) =>
  guidance
    .split('\n\n')
    .map((p) => `<p>${xmlEscape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

function pathAssistantXml(entity: 'Lead' | 'Opportunity', field: 'Status' | 'StageName', label: string, values: readonly SalesforceValue[]): string {
  const steps = values.map(
    (v) =>
      `    <pathAssistantSteps>\n        <info>${xmlEscape(guidanceHtml(v.guidance))}</info>\n        <picklistValueName>${xmlEscape(v.fullName)}</picklistValueName>\n    </pathAssistantSteps>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<PathAssistant xmlns="http://soap.sforce.com/2006/04/metadata">\n    <active>true</active>\n    <entityName>${entity}</entityName>\n    <fieldName>${field}</fieldName>\n    <masterLabel>${xmlEscape(label)}</masterLabel>\n${steps.join('\n')}\n    <recordTypeName>__MASTER__</recordTypeName>\n</PathAssistant>\n`;
}

const PACKAGE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>LeadStatus</members>
        <members>OpportunityStage</members>
        <name>StandardValueSet</name>
    </types>
    <types>
        <members>Lead_Pacto</members>
        <members>Opportunity_Pacto</members>
        <name>PathAssistant</name>
    </types>
    <version>${SALESFORCE_API_VERSION}</version>
</Package>
`;

/** The metadata files by their path in the deployable archive. */
export function salesforceMetadata(content: WorkshopContent): Record<string, string> {
  const { leadStatus, opportunityStage } = salesforceValues(content);
  const label = `Pacto: ${content.meta.title}`.slice(0, 80);
  return {
    'package.xml': PACKAGE_XML,
    'standardValueSets/LeadStatus.standardValueSet': standardValueSetXml(leadStatus, 'lead'),
    'standardValueSets/OpportunityStage.standardValueSet': standardValueSetXml(opportunityStage, 'opportunity'),
    'pathAssistants/Lead_Pacto.pathAssistant': pathAssistantXml('Lead', 'Status', label, leadStatus),
    'pathAssistants/Opportunity_Pacto.pathAssistant': pathAssistantXml('Opportunity', 'StageName', label, opportunityStage),
  };
}

function salesforceHowTo(content: WorkshopContent): string {
  const es = content.meta.language === 'es';
  return es
    ? `# Llevar las definiciones acordadas a Salesforce

Archivos:
- \`salesforce-metadata.zip\`: metadatos para desplegar (API ${SALESFORCE_API_VERSION}): \`package.xml\`, los conjuntos de
  valores estándar \`LeadStatus\` (estados de lead, con el de conversión marcado) y \`OpportunityStage\`
  (etapas con la probabilidad acordada, cerrada/ganada y categoría de previsión), cada valor con la definición
  acordada en su descripción, y la orientación de Path (\`Lead_Pacto\`, \`Opportunity_Pacto\`) por etapa.
- \`salesforce-stages.csv\`: lo mismo en una tabla para leer o copiar a mano.

Desplegar con Salesforce CLI, primero en un sandbox:

    sf project deploy start --metadata-dir salesforce-metadata.zip --target-org mi-sandbox --dry-run
    sf project deploy start --metadata-dir salesforce-metadata.zip --target-org mi-sandbox

(o Workbench › Migration › Deploy, con el ZIP). Path debe estar activado (Configuración › Path Settings).

Antes de desplegar: el despliegue deja en cada lista de selección exactamente estos valores; los
registros existentes conservan su valor. Si su organización ya usa otros nombres, edite los nombres
(fullName) en los archivos o renombre los valores a mano en Configuración con el CSV.
`
    : `# Taking the agreed definitions into Salesforce

Files:
- \`salesforce-metadata.zip\`: metadata to deploy (API ${SALESFORCE_API_VERSION}): \`package.xml\`, the standard value sets
  \`LeadStatus\` (lead statuses, the converted one marked) and \`OpportunityStage\` (stages with the agreed
  probability, closed/won and forecast category), each value with the agreed definition in its description,
  and Path guidance (\`Lead_Pacto\`, \`Opportunity_Pacto\`) per stage.
- \`salesforce-stages.csv\`: the same as a table to read or copy by hand.

Deploy with the Salesforce CLI, to a sandbox first:

    sf project deploy start --metadata-dir salesforce-metadata.zip --target-org my-sandbox --dry-run
    sf project deploy start --metadata-dir salesforce-metadata.zip --target-org my-sandbox

(or Workbench › Migration › Deploy, with the ZIP). Path must be enabled (Setup › Path Settings).

Before deploying: the deployment leaves exactly these values in each picklist; existing records keep
their values. If your org already uses other names, edit the names (fullName) in the files or rename
the values by hand in Setup with the CSV.
`;
}

function salesforceFiles(content: WorkshopContent): HandbackFile[] {
  const { leadStatus, opportunityStage } = salesforceValues(content);
  const rows: (string | number)[][] = [
    ['Object', 'Field', 'Value', 'Description', 'Converted', 'Probability (%)', 'Closed', 'Won', 'Forecast category', 'Path guidance'],
  ];
  for (const v of leadStatus) rows.push(['Lead', 'Status', v.fullName, v.description, v.converted ? 'true' : 'false', '', '', '', '', v.guidance]);
  for (const v of opportunityStage) {
    rows.push([
      'Opportunity',
      'StageName',
      v.fullName,
      v.description,
      '',
      v.probability ?? '',
      v.closed ? 'true' : 'false',
      v.won ? 'true' : 'false',
      v.forecastCategory ?? '',
      v.guidance,
    ]);
  }
  const archive = Object.fromEntries(Object.entries(salesforceMetadata(content)).map(([path, xml]) => [path, strToU8(xml)]));
  // A fixed time stamp: the same agreement gives the same archive, byte for byte.
  const zip = zipSync(archive, { mtime: new Date(Date.UTC(2000, 0, 1)) });
  return [
    { name: 'salesforce-metadata.zip', mimeType: 'application/zip', bytes: zip },
    { name: 'salesforce-stages.csv', mimeType: 'text/csv', bytes: csv(rows) },
    { name: 'salesforce-howto.md', mimeType: 'text/markdown', bytes: text(salesforceHowTo(content)) },
  ];
}

// ---------------------------------------------------------------- Markdown

/** How an export is made: `draft` when the content is the working copy rather than a frozen version (marked in the Markdown's heading). */
export interface HandbackOptions {
  draft?: boolean;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n+/g, '<br>');
const indent = (s: string) => s.split('\n').join('\n  ');

/**
 * A readable summary: the glossary (definitions, criteria, owners), the SLA
 * commitments and the agreed funnel. With `draft` (the working copy, not a
 * frozen version) the heading says so.
 */
export function agreementMarkdown(content: WorkshopContent, options: HandbackOptions = {}): string {
  const w = WORDS[content.meta.language];
  const out: string[] = [
    `# ${content.meta.title}${options.draft ? ` (${w.draft})` : ''}`,
    '',
    `${content.meta.company} · ${content.meta.date}`,
    '',
    `## ${w.glossary}`,
    '',
  ];
  for (const t of content.terms) {
    out.push(`### ${t.name}${t.acronym ? ` (${t.acronym})` : ''}`, '');
    out.push(plain(richTextToPlain(t.definition)), '');
    const entry = plain(richTextToPlain(t.entryCriteria));
    const exit = plain(richTextToPlain(t.exitCriteria));
    const examples = plain(richTextToPlain(t.examples));
    if (entry) out.push(`- **${w.entry}:** ${indent(entry)}`);
    if (exit) out.push(`- **${w.exit}:** ${indent(exit)}`);
    out.push(`- **${w.owner}:** ${w[t.ownerTeam]}`);
    if (examples) out.push(`- **${w.examples}:** ${indent(examples)}`);
    out.push('');
  }
  out.push(
    `## ${w.sla}`,
    '',
    `| ${w.party} | ${w.commitment} | ${w.metric} | ${w.target} | ${w.period} | ${w.measured} | ${w.whenMissed} |`,
    '|---|---|---|---|---|---|---|',
  );
  for (const c of content.sla.commitments) {
    out.push(
      `| ${w[c.party]} | ${mdCell(c.commitment)} | ${mdCell(c.metric)} | ${c.target}${c.unit ? ` ${mdCell(c.unit)}` : ''} | ${w.periods[c.period]} | ${mdCell(c.measurement ?? '')} | ${mdCell(c.whenMissed ?? '')} |`,
    );
  }
  out.push('', `## ${w.funnel}`, '', `| ${w.stage} | ${w.owner} | ${w.next} | ${w.rate} | ${w.days} |`, '|---|---|---|---|---|');
  for (const s of agreedStages(content)) {
    out.push(
      `| ${mdCell(s.name)} | ${w[s.ownerTeam]} | ${mdCell(s.next?.name ?? '—')} | ${s.next ? percentText(s.next.conversionRate) : '—'} | ${s.next ? s.next.averageDays : '—'} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- all

/**
 * The files of one export format, named as the how-tos refer to them:
 * `hubspot` (two JSON bodies, a CSV, a how-to), `salesforce` (metadata ZIP,
 * CSV, how-to), `csv` (stages and SLA), `md` (the summary), `json` (the
 * content projection itself).
 */
export function handbackFiles(content: WorkshopContent, format: HandbackFormat, options: HandbackOptions = {}): HandbackFile[] {
  switch (format) {
    case 'hubspot':
      return hubspotFiles(content);
    case 'salesforce':
      return salesforceFiles(content);
    case 'csv':
      return [
        { name: 'pacto-stages.csv', mimeType: 'text/csv', bytes: stagesCsv(content) },
        { name: 'pacto-sla.csv', mimeType: 'text/csv', bytes: slaCsv(content) },
      ];
    case 'md':
      return [{ name: 'pacto-agreement.md', mimeType: 'text/markdown', bytes: text(agreementMarkdown(content, options)) }];
    case 'json':
      return [{ name: 'pacto-content.json', mimeType: 'application/json', bytes: json(content) }];
  }
}
