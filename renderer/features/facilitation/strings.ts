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
    templates: {
      'standard-3h': 'Taller estándar (3 h)',
      'compact-2h': 'Taller breve (2 h)',
      'extended-4h': 'Taller extendido (4 h)',
    },
    pdf: {
      decisions: 'Decisiones',
      decisionsIntro: 'Lo que se decidió en el taller, por qué, quién lo decidió y qué cambió.',
      why: 'Por qué',
      decidedBy: 'Decidido por',
      changed: 'Qué cambió',
      when: 'Fecha',
      nobody: '—',
      followUps: 'Pendientes',
      followUpsIntro: 'Preguntas que quedaron abiertas, con su responsable y su fecha límite.',
      question: 'Pregunta',
      owner: 'Responsable',
      due: 'Fecha límite',
      unassigned: 'Sin asignar',
      noDue: 'Sin fecha',
      link: {
        gap: 'Diferencia',
        term: 'Término',
        'term-variant': 'Variante de término',
        stage: 'Etapa',
        'sla-item': 'Cláusula del SLA',
        'sla-section': 'Sección del SLA',
        scenario: 'Escenario',
        section: 'Sección',
      },
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
    templates: {
      'standard-3h': 'Standard workshop (3 h)',
      'compact-2h': 'Short workshop (2 h)',
      'extended-4h': 'Extended workshop (4 h)',
    },
    pdf: {
      decisions: 'Decisions',
      decisionsIntro: 'What the workshop decided, why, who decided it and what it changed.',
      why: 'Why',
      decidedBy: 'Decided by',
      changed: 'What it changed',
      when: 'Date',
      nobody: '—',
      followUps: 'Follow-ups',
      followUpsIntro: 'Questions left open, with their owner and due date.',
      question: 'Question',
      owner: 'Owner',
      due: 'Due',
      unassigned: 'Unassigned',
      noDue: 'No date',
      link: {
        gap: 'Gap',
        term: 'Term',
        'term-variant': 'Term variant',
        stage: 'Stage',
        'sla-item': 'SLA clause',
        'sla-section': 'SLA section',
        scenario: 'Scenario',
        section: 'Section',
      },
    },
  },
});
