/**
 * The help text of `pacto export`, apart from ./export.ts so the command
 * line's own help (./main.ts) shows its first line without loading the
 * export code (which decodes workshop files with Yjs).
 */

/** `pacto export`'s usage and help. */
export const EXPORT_USAGE = `Usage: pacto export <file.pacto> --format json|md|csv|hubspot|salesforce [--out DIR] [--draft]

Exports what the workshop agreed: the content of its latest frozen version, or the
working copy (the file's JSON projection) with --draft or when no version is frozen.
  json        the workshop content (the file's JSON projection)
  md          a readable summary: glossary, SLA commitments, agreed funnel
  csv         pacto-stages.csv (definition, entry and exit criteria, owner, rate, days)
              and pacto-sla.csv (party, metric, target, unit, period, how measured)
  hubspot     lifecycle-stage and lead-status options with the agreed definitions
              (JSON for the properties API, a CSV to paste) and a how-to
  salesforce  lead statuses and opportunity stages with definitions, probabilities and
              Path guidance (deployable metadata ZIP), a CSV and a how-to

json and md print to the terminal unless --out is given; the others write into --out
(default: the current folder). Exit status: 0 done, 1 unusable input, 2 usage error.
`;
