/**
 * Strings of facilitation (`facilitation.*`), Spanish and English: the lock
 * notices of the edit path, section and template names, and the printed
 * agreement's "Decisions" and "Follow-ups" sections. The facilitation
 * screens add theirs here too.
 */
import { featureStrings } from '../../i18n/feature-strings';
export const strings = featureStrings({
  namespace: 'facilitation',
  es: {
    sections: {
      participants: 'Participantes',
      funnel: 'Embudo',
      glossary: 'Glosario',
      sla: 'SLA',
      targets: 'Objetivos',
    },
    lockedNotice: {
      participants: 'La sección Participantes está bloqueada: se acordó y no se puede cambiar hasta que la persona facilitadora la desbloquee.',
      funnel: 'La sección Embudo está bloqueada: se acordó y no se puede cambiar hasta que la persona facilitadora la desbloquee.',
      glossary: 'La sección Glosario está bloqueada: se acordó y no se puede cambiar hasta que la persona facilitadora la desbloquee.',
      sla: 'La sección SLA está bloqueada: se acordó y no se puede cambiar hasta que la persona facilitadora la desbloquee.',
      targets: 'La sección Objetivos está bloqueada: se acordó y no se puede cambiar hasta que la persona facilitadora la desbloquee.',
    },
    lockedField: 'Bloqueado: esta sección se acordó. La persona facilitadora puede desbloquearla.',
    templates: {
      'standard-3h': 'Taller estándar (3 h)',
      'compact-2h': 'Taller breve (2 h)',
      'extended-4h': 'Taller extendido (4 h)',
    },
  },
  en: {
    sections: {
      participants: 'Participants',
      funnel: 'Funnel',
      glossary: 'Glossary',
      sla: 'SLA',
      targets: 'Targets',
    },
    lockedNotice: {
      participants: 'The Participants section is locked: it was agreed and cannot be changed until the facilitator unlocks it.',
      funnel: 'The Funnel section is locked: it was agreed and cannot be changed until the facilitator unlocks it.',
      glossary: 'The Glossary section is locked: it was agreed and cannot be changed until the facilitator unlocks it.',
      sla: 'The SLA section is locked: it was agreed and cannot be changed until the facilitator unlocks it.',
      targets: 'The Targets section is locked: it was agreed and cannot be changed until the facilitator unlocks it.',
    },
    lockedField: 'Locked: this section was agreed. The facilitator can unlock it.',
    templates: {
      'standard-3h': 'Standard workshop (3 h)',
      'compact-2h': 'Short workshop (2 h)',
      'extended-4h': 'Extended workshop (4 h)',
    },
  },
});
