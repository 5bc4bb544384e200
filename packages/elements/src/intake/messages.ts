/**
 * UI strings of <ddd-intake>, added to the shared catalogues. The readers are intake staff of an
 * MBO: professionals, addressed formally ("u"), in plain Dutch (B1) like every other text. English
 * is complete; Arabic, Turkish, Ukrainian and Polish live in src/lang/*.ts with the other elements'
 * strings. The names of the intake statuses come from the SDK (`intakeLabels`).
 */
import { addMessages } from '../shared/i18n.js';

const nl = {
  'intake.title': 'Ontvangen dossiers',
  'intake.intro': 'Dossiers die leerlingen hebben afgerond voor een opleiding van {instelling}.',
  'intake.notMbo': 'Dit overzicht is voor medewerkers van een mbo-instelling. U bent niet als mbo-medewerker ingelogd.',
  'intake.loading': 'Dossiers laden…',
  'intake.loadOffline': 'Er is geen verbinding. Probeer het opnieuw als u weer verbinding hebt.',
  'intake.empty': 'Er zijn nog geen afgeronde dossiers voor uw instelling.',
  'intake.emptyFiltered': 'Geen dossiers met deze zoekopdracht of filters. Wis de filters of zoek iets anders.',
  'intake.counts': 'Aantal per status',
  'intake.search': 'Zoek op naam, BSN, onderwijsnummer of crebo',
  'intake.searchHint': 'Bijvoorbeeld: Jansen of 25242',
  'intake.filters': 'Filters',
  'intake.filter.locatie': 'Locatie',
  'intake.filter.opleiding': 'Opleiding',
  'intake.filter.cohort': 'Cohort',
  'intake.filter.status': 'Status',
  'intake.filter.all': 'Alle',
  'intake.filter.clear': 'Filters wissen',
  'intake.caption': 'Ontvangen dossiers',
  'intake.col.naam': 'Leerling',
  'intake.col.nummer': 'BSN of onderwijsnummer',
  'intake.col.opleiding': 'Opleiding',
  'intake.col.locatie': 'Locatie',
  'intake.col.cohort': 'Cohort',
  'intake.col.ontvangen': 'Ontvangen',
  'intake.col.status': 'Status',
  'intake.col.actie': 'Dossier',
  'intake.open': 'Openen',
  'intake.crebo': 'crebo {crebo}',
  'intake.shown.one': '1 dossier',
  'intake.shown.other': '{count} dossiers',
  'intake.shownOf.one': '1 van de {total} dossiers',
  'intake.shownOf.other': '{count} van de {total} dossiers',

  'intake.back': 'Terug naar de lijst',
  'intake.dossier.title': 'Dossier van {naam}',
  'intake.dossier.loading': 'Dossier laden…',
  'intake.dossier.notFound': 'Dit dossier kunnen we niet openen. Het is niet voor uw instelling, of het bestaat niet meer.',
  'intake.dossier.facts': 'Over de aanmelding',
  'intake.dossier.received': 'Afgerond op',
  'intake.dossier.opleiding': 'Opleiding',
  'intake.dossier.locatie': 'Locatie',
  'intake.dossier.cohort': 'Cohort',
  'intake.dossier.read': 'Het dossier',
  'intake.print': 'Afdrukken',
  'intake.downloads': 'Downloaden',
  'intake.pdf': 'PDF',
  'intake.json': 'JSON',
  'intake.csv': 'CSV voor de studentenadministratie',
  'intake.pdfMissing': 'Deze server maakt geen PDF. Kies Afdrukken en dan Opslaan als PDF.',

  'intake.status.title': 'Intake',
  'intake.status.now': 'Status nu: {status}',
  'intake.status.planned': 'De intake is op {date}.',
  'intake.status.reason': 'Reden: {reden}',
  'intake.form.legend': 'Nieuwe status',
  'intake.form.hint.intakeGepland': 'U hebt een datum voor de intake afgesproken.',
  'intake.form.hint.geplaatst': 'De leerling is aangenomen voor de opleiding.',
  'intake.form.hint.nietGeplaatst': 'De leerling kan niet aan deze opleiding beginnen.',
  'intake.form.datum': 'Datum van de intake',
  'intake.form.reden': 'Waarom is de leerling niet geplaatst?',
  'intake.form.redenHint': 'De leerling en de school kunnen de status en de reden lezen.',
  'intake.form.save': 'Status opslaan',
  'intake.form.saving': 'Opslaan…',
  'intake.form.saved': 'Opgeslagen: {status}.',
  'intake.form.offline': 'Er is geen verbinding. Wat u invulde, blijft staan. Probeer het opnieuw als u weer verbinding hebt.',
  'intake.form.restored': 'Wat u eerder invulde en nog niet opsloeg, staat er weer.',
  'intake.error.status': 'Kies de nieuwe status',
  'intake.error.datum': 'Vul de datum van de intake in',
  'intake.error.reden': 'Vul in waarom de leerling niet is geplaatst',
};

export type IntakeMessageKey = keyof typeof nl;

addMessages({ nl });
