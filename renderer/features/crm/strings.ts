/** Strings of the CRM hand-back downloads on the Export step (namespace `crm`), Spanish and English. */
import { featureStrings } from '../../i18n/feature-strings';
const es = {
  title: 'Llevar el acuerdo al CRM',
  intro:
    'Lo acordado en la versión elegida (etapas, definiciones, criterios de entrada y salida, responsables y compromisos del SLA) en archivos que un administrador aplica en el CRM sin volver a escribirlo.',
  formats: {
    hubspot: {
      title: 'HubSpot',
      text: 'Opciones del ciclo de vida y del estado del lead con las definiciones acordadas (JSON para la API de propiedades y CSV para pegar) y cómo aplicarlas.',
    },
    salesforce: {
      title: 'Salesforce',
      text: 'Estados de lead y etapas de oportunidad con definiciones, probabilidades y orientación de Path: metadatos para desplegar (ZIP), un CSV y cómo desplegarlos.',
    },
    csv: {
      title: 'CSV',
      text: 'Etapas (definición, criterios, responsable, conversión y días) y compromisos del SLA (parte, métrica, meta, unidad, periodo, cómo se mide).',
    },
    md: { title: 'Resumen (Markdown)', text: 'Glosario, compromisos del SLA y embudo acordado, legibles en cualquier editor.' },
  },
  howto: 'Cómo aplicarlo',
  steps: {
    hubspot: {
      api: 'Con la API: envíe cada JSON en un PATCH a /crm/v3/properties/contacts/lifecyclestage y …/hs_lead_status (una app privada con el permiso crm.schemas.contacts.write; la orden está en hubspot-howto.md).',
      hand: 'O a mano: Configuración › Objetos › Contactos › Ciclo de vida (y Propiedades › Estado del lead), pegando cada descripción desde hubspot-options.csv.',
      check: 'Antes: las opciones enviadas sustituyen a las de la propiedad; revise que estén todas y pruebe en un sandbox.',
    },
    salesforce: {
      deploy:
        'Despliegue el ZIP en un sandbox: sf project deploy start --metadata-dir salesforce-metadata.zip --target-org mi-sandbox (o Workbench › Migration › Deploy).',
      path: 'Active Path (Configuración › Path Settings) para ver la orientación de cada etapa.',
      check: 'Antes: cada lista de selección queda con exactamente estos valores; si su organización usa otros nombres, renómbrelos con salesforce-stages.csv.',
    },
  },
  saving: 'Guardando {{name}}…',
  saved: 'Guardado: {{path}}',
  cancelled: 'Guardado cancelado: no se escribió nada.',
  failed: 'No se pudo guardar {{name}}: {{message}}',
};

const en = {
  title: 'Take the agreement to the CRM',
  intro:
    'What the chosen version agreed (stages, definitions, entry and exit criteria, owners and SLA commitments) as files an admin applies in the CRM without retyping them.',
  formats: {
    hubspot: {
      title: 'HubSpot',
      text: 'Lifecycle-stage and lead-status options with the agreed definitions (JSON for the properties API, a CSV to paste) and how to apply them.',
    },
    salesforce: {
      title: 'Salesforce',
      text: 'Lead statuses and opportunity stages with definitions, probabilities and Path guidance: deployable metadata (ZIP), a CSV and how to deploy it.',
    },
    csv: { title: 'CSV', text: 'Stages (definition, criteria, owner, rate and days) and SLA commitments (party, metric, target, unit, period, how measured).' },
    md: { title: 'Summary (Markdown)', text: 'Glossary, SLA commitments and the agreed funnel, readable in any editor.' },
  },
  howto: 'How to apply it',
  steps: {
    hubspot: {
      api: 'With the API: send each JSON in a PATCH to /crm/v3/properties/contacts/lifecyclestage and …/hs_lead_status (a private app with the crm.schemas.contacts.write scope; the command is in hubspot-howto.md).',
      hand: 'Or by hand: Settings › Objects › Contacts › Lifecycle stage (and Properties › Lead status), pasting each description from hubspot-options.csv.',
      check: 'First: the options sent replace the property’s options; check none is missing and try a sandbox.',
    },
    salesforce: {
      deploy:
        'Deploy the ZIP to a sandbox: sf project deploy start --metadata-dir salesforce-metadata.zip --target-org my-sandbox (or Workbench › Migration › Deploy).',
      path: 'Enable Path (Setup › Path Settings) to see each stage’s guidance.',
      check: 'First: each picklist is left with exactly these values; if your org uses other names, rename them with salesforce-stages.csv.',
    },
  },
  saving: 'Saving {{name}}…',
  saved: 'Saved: {{path}}',
  cancelled: 'Saving cancelled: nothing was written.',
  failed: 'Could not save {{name}}: {{message}}',
};

export const strings = featureStrings({ namespace: 'crm', es, en });
