/** Strings of the Participants step, Spanish and English, under `participants.*`. */
import { featureStrings } from '../../i18n/feature-strings';

export const strings = featureStrings({
  namespace: 'participants',
  es: {
    intro: 'Quién participa en el taller y quién firma el acuerdo en nombre de cada equipo.',
    name: 'Nombre',
    jobTitle: 'Cargo',
    team: 'Equipo',
    signatory: 'Firma el acuerdo',
    add: 'Añadir participante',
    remove: 'Quitar',
    newName: 'Nueva persona',
    none: 'Aún no hay participantes.',
  },
  en: {
    intro: 'Who takes part in the workshop and who signs the agreement for each team.',
    name: 'Name',
    jobTitle: 'Title',
    team: 'Team',
    signatory: 'Signs the agreement',
    add: 'Add participant',
    remove: 'Remove',
    newName: 'New person',
    none: 'No participants yet.',
  },
});
