/**
 * Import of a CRM export (HubSpot contacts, Salesforce opportunities,
 * Pipedrive, Zoho CRM and Dynamics 365 deals, any table through a column
 * mapping), as CSV or as an Excel workbook (.xlsx, .xls: the first worksheet,
 * or the one the user picks; the workbook reader is loaded only then):
 * choose or drop the file, see a preview, the
 * actual counts, rates, days, win rate, deal size and monthly cohorts, and
 * every unreadable row with its number and reason. Nothing is written until
 * the user confirms; confirming adds the actuals as a baseline scenario (one
 * undoable edit). All reading and computing is in shared/import.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Language, WorkshopContent } from '../../../shared/domain/workshop';
import { importTable, unreadableFile, type Actuals } from '../../../shared/import/actuals';
import { measuredRate, workshopBaselineScenario } from '../../../shared/import/baseline';
import { parseCsv, type CsvTable, type ImportIssue } from '../../../shared/import/csv';
import { decodeText, workbookContainer } from '../../../shared/import/decode';
import type { WorkbookSheet } from '../../../shared/import/workbook';
import { detectMapping, type ColumnMapping } from '../../../shared/import/mapping';
import type { DateOrder } from '../../../shared/import/values';
import { STANDARD_STAGE_KEYS, standardStageName } from '../../../shared/funnel/standard-stages';
import { agreedScenarioId, freeScenarioId, planVsActualRows, toModelScenario, workshopScenarios } from '../../../shared/model/workshop-scenarios';
import { formatters, type Formatters } from '../../i18n';
import { useAppStore } from '../../store';
import { FilePicker } from '../../ui/FilePicker';
import { ChartBox, PlanVsActualChart } from '../model/charts';
import { addWorkshopScenario } from '../model/actions';
import '../model/targets.css';
import { ScrollRegion } from '../../ui/ScrollRegion';

interface Loaded {
  name: string;
  /** The file's bytes, kept for a workbook so another sheet can be read. */
  bytes: Uint8Array;
  table: CsvTable;
  /** The workbook's sheets; null for a text file. */
  sheets: WorkbookSheet[] | null;
  /** Recognised export, or null when the columns must be mapped by hand. */
  detected: boolean;
}

const MAPPING_FIELDS = ['currentStage', 'closeDate', 'amount', 'won', 'closed', 'dealStage', 'status'] as const;

/** The import view: `content` is the open workshop (read only until confirm); `onClose` returns to the plan, with the id of the scenario a confirmed import created. */
export function ImportScreen({ content, onClose }: { content: WorkshopContent; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [actuals, setActuals] = useState<Actuals | null>(null);
  const [dragging, setDragging] = useState(false);
  /** The user chose to map the columns of a recognised export by hand. */
  const [manual, setManual] = useState(false);

  const show = (name: string, bytes: Uint8Array, table: CsvTable, sheets: WorkbookSheet[] | null) => {
    const detected = detectMapping(table.header) !== null;
    setLoaded({ name, bytes, table, sheets, detected });
    setManual(false);
    // A recognised export, or a file whose problems are in the file itself (one column, or no data rows: an
    // empty sheet, formulas with no stored result), is computed at once so its message shows; others wait for a mapping.
    setActuals(detected || table.header.length <= 1 || table.rows.length === 0 ? importTable(table) : null);
  };

  const readBytes = async (name: string, bytes: Uint8Array, sheet?: string) => {
    if (workbookContainer(bytes)) {
      // The workbook reader is large: loaded only when a workbook comes in.
      const { readWorkbook } = await import('../../../shared/import/workbook');
      const book = readWorkbook(bytes, sheet === undefined ? {} : { sheet });
      show(name, bytes, book.table, book.sheets);
    } else {
      show(name, bytes, parseCsv(decodeText(bytes)), null);
    }
  };

  const read = async (file: File) => readBytes(file.name, new Uint8Array(await file.arrayBuffer()));

  const confirm = () => {
    if (!actuals) return;
    const items = workshopScenarios(content);
    const agreed = items.find((s) => s.id === agreedScenarioId(content))!;
    const format = t(`import.formatShort.${actuals.format ?? 'none'}`);
    const scenario = workshopBaselineScenario(actuals, toModelScenario(content, agreed), {
      id: freeScenarioId(items, 'actuals'),
      name: t('import.baselineName', { format }),
    });
    if (addWorkshopScenario(content, scenario) === null) {
      useAppStore.getState().setNotice({ kind: 'info', key: 'import.done', values: { name: scenario.name } });
      onClose(scenario.id);
    }
  };

  const usable = actuals !== null && actuals.stages.length >= 2;
  return (
    <div className="import" data-testid="import-screen">
      <div className="row-between">
        <h2>{t('import.title')}</h2>
        <button onClick={() => onClose()} data-testid="import-back">
          {t('import.back')}
        </button>
      </div>
      <p className="intro">{t('import.intro')}</p>
      <div
        className={dragging ? 'dropzone dropzone--over' : 'dropzone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void read(file);
        }}
        data-testid="import-drop"
      >
        <FilePicker label={t('import.choose')} accept=".csv,.txt,.xlsx,.xls,.ods,text/csv" testId="import-file" onFile={(file) => void read(file)} />
        <span className="muted">{t('import.drop')}</span>
      </div>

      {loaded ? (
        <>
          <p className="muted" data-testid="import-file-info">
            {t('import.file', { name: loaded.name, rows: fmt.integer(loaded.table.rows.length) })}
          </p>
          {loaded.sheets && loaded.sheets.length > 1 ? (
            <label className="field import__sheet">
              <span className="field__label">{t('import.sheet')}</span>
              <select value={loaded.table.sheet ?? ''} onChange={(e) => void readBytes(loaded.name, loaded.bytes, e.target.value)} data-testid="import-sheet">
                {loaded.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.kind === 'chart' ? t('import.chartSheetOption', { name: s.name }) : s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <Preview table={loaded.table} t={t} />
          {loaded.detected && !manual ? (
            <button onClick={() => setManual(true)} data-testid="map-manually">
              {t('import.mapManually')}
            </button>
          ) : null}
          {(!loaded.detected || manual) && loaded.table.header.length > 1 && loaded.table.rows.length > 0 ? (
            <MappingForm
              key={loaded.table.sheet ?? ''}
              table={loaded.table}
              onApply={(mapping, options) => setActuals(importTable(loaded.table, { mapping, ...options }))}
            />
          ) : null}
        </>
      ) : null}

      {actuals ? <Results actuals={actuals} fmt={fmt} content={content} /> : null}

      {loaded ? (
        <div className="form-actions import__actions">
          {actuals && !usable ? (
            <p className="field__error" role="alert">
              {t('import.nothing')}
            </p>
          ) : null}
          <button className="primary" disabled={!usable} onClick={confirm} data-testid="import-confirm">
            {t('import.confirm')}
          </button>
          <button onClick={() => onClose()} data-testid="import-cancel">
            {t('import.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function Preview({ table, t }: { table: CsvTable; t: (k: string) => string }) {
  const rows = table.rows.slice(0, 5);
  return (
    <section className="card">
      <h3>{t('import.preview')}</h3>
      <ScrollRegion label={t('import.preview')}>
        <table className="grid-table preview" data-testid="import-preview">
          <thead>
            <tr>
              <th>{t('import.row')}</th>
              {table.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <td className="num muted">{r.row}</td>
                {table.header.map((_, i) => (
                  <td key={i}>{r.cells[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

function MappingForm({
  table,
  onApply,
}: {
  table: CsvTable;
  onApply: (mapping: ColumnMapping, options: { dateOrder?: DateOrder; decimalSeparator?: ',' | '.' }) => void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const [stageDates, setStageDates] = useState<Partial<Record<(typeof STANDARD_STAGE_KEYS)[number], string>>>({});
  const [fields, setFields] = useState<Partial<Record<(typeof MAPPING_FIELDS)[number], string>>>({});
  const [dateOrder, setDateOrder] = useState<'' | DateOrder>('');
  const [decimal, setDecimal] = useState<'' | ',' | '.'>('');
  const select = (value: string | undefined, onChange: (v: string | undefined) => void, testId: string) => (
    <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
      <option value="">{t('import.none')}</option>
      {table.header.map((h) => (
        <option key={h} value={h}>
          {h}
        </option>
      ))}
    </select>
  );
  return (
    <section className="card" data-testid="import-mapping">
      <h3>{t('import.mapping')}</h3>
      <p className="muted small">{t('import.mappingIntro')}</p>
      <div className="form-grid mapping-grid">
        {STANDARD_STAGE_KEYS.map((k) => (
          <label key={k} className="field">
            <span className="field__label">{t('import.stageDate', { stage: standardStageName(k, language) })}</span>
            {select(stageDates[k], (v) => setStageDates({ ...stageDates, [k]: v }), `map-${k}`)}
          </label>
        ))}
        {MAPPING_FIELDS.map((f) => (
          <label key={f} className="field">
            <span className="field__label">{t(`import.fields.${f}`)}</span>
            {select(fields[f], (v) => setFields({ ...fields, [f]: v }), `map-${f}`)}
          </label>
        ))}
        <label className="field">
          <span className="field__label">{t('import.dateOrderLabel')}</span>
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as '' | DateOrder)} data-testid="map-date-order">
            <option value="">{t('import.auto')}</option>
            <option value="dmy">{t('import.dmy')}</option>
            <option value="mdy">{t('import.mdy')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('import.decimalLabel')}</span>
          <select value={decimal} onChange={(e) => setDecimal(e.target.value as '' | ',' | '.')} data-testid="map-decimal">
            <option value="">{t('import.auto')}</option>
            <option value=",">,</option>
            <option value=".">.</option>
          </select>
        </label>
      </div>
      <button
        className="primary"
        data-testid="map-apply"
        onClick={() => {
          const dates = Object.fromEntries(Object.entries(stageDates).filter(([, v]) => v));
          const extra = Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
          onApply({ stageDates: dates, ...extra }, { ...(dateOrder ? { dateOrder } : {}), ...(decimal ? { decimalSeparator: decimal } : {}) });
        }}
      >
        {t('import.apply')}
      </button>
    </section>
  );
}

function Results({ actuals, fmt, content }: { actuals: Actuals; fmt: Formatters; content: WorkshopContent }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const d = actuals.dialect;
  const currency = content.meta.currency;
  const agreed = workshopScenarios(content).find((s) => s.id === agreedScenarioId(content))!;
  // Plan against actual for what the export measures: the same rows the baseline scenario will show.
  const baseline = workshopBaselineScenario(actuals, toModelScenario(content, agreed), { id: 'preview', name: 'preview' });
  const compare = (planVsActualRows(content, agreed, baseline)?.rows ?? []).filter((r) => r.actual !== null);
  const unreadable = unreadableFile(actuals);
  if (unreadable) {
    // Nothing was read (empty, a PDF, not text …): say so, with no format, delimiter or date order guessed from nothing.
    return (
      <section className="card" data-testid="import-results">
        <h3>{t('import.results')}</h3>
        <p role="alert" data-testid="import-unreadable">
          {issueText(unreadable, t, language)}
        </p>
      </section>
    );
  }
  return (
    <section className="card" data-testid="import-results">
      <h3>{t('import.results')}</h3>
      <p>
        <strong>{t('import.format')}:</strong> <span data-testid="import-format">{t(`import.formats.${actuals.format ?? 'none'}`)}</span> ·{' '}
        <strong>{t('import.dialect')}:</strong>{' '}
        {[
          d.sheet !== undefined ? t('import.sheetRead', { name: d.sheet }) : t('import.delimiter', { d: d.delimiter === '\t' ? t('import.tab') : d.delimiter }),
          d.sheet === undefined && d.bom ? t('import.bom') : null,
          d.dateStyle === 'iso'
            ? t('import.dateIso')
            : t('import.dateOrder', { order: t(`import.${d.dateOrder}`) }) +
              (d.dateOrderSource === 'guess' && d.dateStyle !== null ? ` ${t('import.dateGuess')}` : ''),
          t('import.decimal', { d: d.decimalSeparator }),
        ]
          .filter(Boolean)
          .join(', ')}
        {' · '}
        {t('import.rows', { counted: fmt.integer(actuals.rows.counted), read: fmt.integer(actuals.rows.read) })}
      </p>
      {actuals.stages.length > 0 ? (
        <div className="targets__split">
          <div>
            <table className="grid-table" data-testid="import-stages">
              <thead>
                <tr>
                  <th>{t('import.stage')}</th>
                  <th className="num">{t('import.count')}</th>
                  <th className="num">{t('import.rateToNext')}</th>
                  <th className="num">{t('import.medianDays')}</th>
                </tr>
              </thead>
              <tbody>
                {actuals.stages.map((s, j) => {
                  const rate = j < actuals.stages.length - 1 ? measuredRate(actuals, j, j + 1) : null;
                  return (
                    <tr key={s.id} data-stage={s.id}>
                      <td>{standardStageName(s.id, language)}</td>
                      <td className="num">{fmt.integer(s.count)}</td>
                      <td className="num" data-testid={`import-rate-${s.id}`}>
                        {rate === null ? '—' : fmt.percent(rate.rate)}
                        {rate?.definition === 'winRate' ? <span className="muted small"> {t('import.winRateShort')}</span> : null}
                      </td>
                      <td className="num">{s.medianDaysToNext === null ? '—' : fmt.number(s.medianDaysToNext)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <dl className="metrics">
              <div data-testid="import-win-rate">
                <dt>{t('import.winRate')}</dt>
                <dd>
                  {actuals.winRate === null ? '—' : t('import.winRateValue', { rate: fmt.percent(actuals.winRate), won: actuals.won, closed: actuals.closed })}
                </dd>
              </div>
              {actuals.lost > 0 ? (
                <div data-testid="import-lost">
                  <dt>{t('import.lostDeals')}</dt>
                  <dd>{fmt.integer(actuals.lost)}</dd>
                </div>
              ) : null}
              {actuals.medianDaysToClose !== null ? (
                <div data-testid="import-days-to-close">
                  <dt>{t('import.daysToClose')}</dt>
                  <dd>{fmt.number(actuals.medianDaysToClose)}</dd>
                </div>
              ) : null}
              <div data-testid="import-deal-size">
                <dt>{t('import.averageDealSize')}</dt>
                <dd>{actuals.averageDealSize === null ? '—' : fmt.money(actuals.averageDealSize, currency)}</dd>
              </div>
            </dl>
          </div>
          {compare.length > 0 ? (
            <div>
              <h3>{t('import.planVsActual')}</h3>
              <ChartBox max={560}>
                {(w) => <PlanVsActualChart rows={compare} fmt={fmt} labels={{ plan: t('import.plan'), actual: t('import.actual') }} width={w} />}
              </ChartBox>
            </div>
          ) : null}
        </div>
      ) : null}
      {actuals.dealStages.length > 0 ? <DealStages actuals={actuals} fmt={fmt} /> : null}
      {actuals.cohorts.length > 0 ? <Cohorts actuals={actuals} fmt={fmt} /> : null}
      <IssueList title={t('import.errors', { count: actuals.errors.length })} issues={actuals.errors} testId="import-errors" empty={t('import.noErrors')} />
      {actuals.warnings.length > 0 ? (
        <IssueList title={t('import.warnings', { count: actuals.warnings.length })} issues={actuals.warnings} testId="import-warnings" />
      ) : null}
    </section>
  );
}

/** Deals by the stage the export names (where a lost deal was lost), with won, lost and open. */
function DealStages({ actuals, fmt }: { actuals: Actuals; fmt: Formatters }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('import.dealStages')}</h3>
      <ScrollRegion label={t('import.dealStages')}>
        <table className="grid-table" data-testid="import-deal-stages">
          <thead>
            <tr>
              <th>{t('import.stage')}</th>
              <th className="num">{t('import.deals')}</th>
              <th className="num">{t('import.won')}</th>
              <th className="num">{t('import.lost')}</th>
              <th className="num">{t('import.open')}</th>
            </tr>
          </thead>
          <tbody>
            {actuals.dealStages.map((s) => (
              <tr key={s.name}>
                <td>{s.name}</td>
                <td className="num">{fmt.integer(s.count)}</td>
                <td className="num">{fmt.integer(s.won)}</td>
                <td className="num">{fmt.integer(s.lost)}</td>
                <td className="num">{fmt.integer(s.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function Cohorts({ actuals, fmt }: { actuals: Actuals; fmt: Formatters }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const ids = actuals.stages.map((s) => s.id);
  return (
    <>
      <h3>{t('import.cohorts')}</h3>
      <p className="muted small">{t('import.tooRecentNote')}</p>
      <ScrollRegion label={t('import.cohorts')}>
        <table className="grid-table" data-testid="import-cohorts">
          <thead>
            <tr>
              <th>{t('import.cohort')}</th>
              {ids.map((id) => (
                <th key={id} className="num">
                  {standardStageName(id, language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actuals.cohorts.map((c) => (
              <tr key={c.month} className={c.tooRecent ? 'cohort--recent' : undefined} data-too-recent={c.tooRecent || undefined}>
                <td>
                  {c.month} {c.tooRecent ? <span className="badge badge--draft">{t('import.tooRecent')}</span> : null}
                </td>
                {c.stages.map((s) => (
                  <td key={s.id} className={s.settled ? 'num' : 'num muted'}>
                    {fmt.integer(s.count)}
                    {s.rateToNext !== null ? <span className="small"> · {fmt.percent(s.rateToNext)}</span> : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

/** An import problem in the interface language, from its code and values (the English `reason` is the CLI's). */
export function issueText(issue: ImportIssue, t: TFunction, language: Language = 'en'): string {
  const v = issue.values;
  const values = {
    ...v,
    ...(v.kind !== undefined ? { kind: t(`import.issueKind.${v.kind}`) } : {}),
    ...(v.order !== undefined ? { order: t(`import.orderText.${v.order}`) } : {}),
    ...(typeof v.rows === 'number' ? { rows: formatters(language).integer(v.rows) } : {}),
    ...(typeof v.limit === 'number' ? { limit: formatters(language).integer(v.limit) } : {}),
    interpolation: { escapeValue: false },
  };
  return t(`import.issues.${issue.code}`, values);
}

function IssueList({ title, issues, testId, empty }: { title: string; issues: Actuals['errors']; testId: string; empty?: string }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <>
      <h3>{title}</h3>
      {issues.length === 0 ? (
        <p className="muted" data-testid={testId}>
          {empty}
        </p>
      ) : (
        <ScrollRegion label={title} className="issues">
          <table className="grid-table" data-testid={testId}>
            <thead>
              <tr>
                <th className="num">{t('import.row')}</th>
                <th>{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row ?? t('import.file_')}</td>
                  <td>{issueText(e, t, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
