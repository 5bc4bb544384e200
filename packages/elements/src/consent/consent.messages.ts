/**
 * The UI strings of <ddd-consent>, Dutch (plain language, B1) and English. Section and question
 * texts come from the SDK definitions; these are the words around them.
 */
import { addMessages } from '../shared/i18n.js';

const nl = {
  'consent.title': 'Akkoordverklaring',
  'consent.titleGuardian': 'Toestemming van ouder of verzorger',
  'consent.titleFinal': 'Je dossier is afgerond',
  'consent.titleFinalOf': 'Het dossier van {naam} is afgerond',
  'consent.noDossier': 'Er is geen dossier gekozen: geef een dossier-id mee.',
  'consent.loading': 'Dossier laden…',
  'consent.wrongRole': 'Dit scherm is voor de leerling en de ouder of verzorger. Met jouw rol kun je hier niets doen.',
  'consent.mboNotFinal': 'Dit dossier is nog niet afgerond. Je kunt het lezen zodra de leerling het heeft afgerond.',
  'consent.notYet.concept': 'Je dossier staat bij deel A. Maak deel A af en stuur het naar je mentor. Daarna kun je hier akkoord geven.',
  'consent.notYet.mentor': 'Je mentor is bezig met je dossier. Als je mentor klaar is, kun je hier akkoord geven.',
  'consent.notYet.guardian': 'U kunt dit dossier nu niet openen. Uw toestemming is pas nodig als uw kind het dossier heeft gecontroleerd. Dan krijgt u bericht. Is uw kind {age} jaar of ouder? Dan beslist uw kind zelf.',
  'consent.archived': 'Dit dossier is gearchiveerd. Zet het eerst terug als je verder wilt.',

  'consent.readIntro': 'Lees eerst wat er in het dossier staat. Je kunt hier niets veranderen.',
  'consent.partA': 'Deel A: gegevens van de leerling',
  'consent.partB': 'Deel B: inschatting van de mentor',
  'consent.partBEmpty': 'Deel B is (nog) niet ingevuld.',
  'consent.inzageSaved': 'We hebben opgeslagen dat je het dossier hebt bekeken op {date}.',
  'consent.inzageSaving': 'We slaan op dat je het dossier hebt bekeken…',

  'consent.sharing.title': 'Wat gaat er naar het mbo?',
  'consent.sharing.always': 'Gaat altijd mee',
  'consent.sharing.alwaysIntro': 'Deze gegevens gaan altijd mee. Dat is nodig voor je inschrijving:',
  'consent.sharing.never': 'Gaat nooit mee',
  'consent.sharing.neverIntro': 'Deze gegevens blijven altijd op je school:',
  'consent.sharing.choose': 'De rest kies je hieronder zelf. Wat je niet aanvinkt, gaat niet mee.',
  'consent.sharing.nothingToChoose': 'Er is niets om zelf te kiezen: alles hierboven gaat mee.',

  'consent.yourConsent': 'Jouw akkoord',
  'consent.save': 'Opslaan',
  'consent.saving': 'Opslaan…',
  'consent.saved': 'Opgeslagen.',
  'consent.restored': 'We hebben je niet-opgeslagen antwoorden teruggezet. Kies Opslaan om ze te bewaren.',
  'consent.offline':
    'Je bent offline. Je kunt je akkoordverklaring pas versturen als je weer online bent. Wat je hier invult, blijft bewaard op dit apparaat.',
  'consent.offline.guardian':
    'Je bent offline. Je kunt je toestemming pas versturen als je weer online bent. Wat je hier invult, blijft bewaard op dit apparaat.',
  'consent.offlineTry':
    'Dat lukt nu niet, want je bent offline. Wat je hebt ingevuld, blijft bewaard op dit apparaat. Probeer het opnieuw als je weer online bent.',

  'consent.guardian.title': 'Toestemming van je ouder of verzorger',
  'consent.guardian.needed': 'Je ouder of verzorger moet ook toestemming geven, omdat je jonger bent dan {age} jaar.',
  'consent.guardian.notSeen': 'Je ouder of verzorger heeft je dossier nog niet bekeken. Vraag hem of haar om in te loggen en het te lezen.',
  'consent.guardian.seen': 'Je ouder of verzorger heeft je dossier bekeken op {date}.',
  'consent.guardian.waiting': 'Je ouder of verzorger moet nog toestemming geven.',
  'consent.guardian.given': '{naam} heeft toestemming gegeven op {date}.',
  'consent.guardian.givenNoDate': '{naam} heeft toestemming gegeven.',
  'consent.guardian.intro': 'Lees het dossier van {naam}. Geef daarna hier je toestemming om het naar het mbo te sturen.',
  'consent.guardian.notNeeded': '{naam} is {age} jaar of ouder. Jouw toestemming is daarom niet nodig.',
  'consent.guardian.done': 'Je hebt toestemming gegeven op {date}. Dank je wel. {naam} kan het dossier nu afronden.',

  'consent.actions.title': 'Afronden',
  'consent.finalize': 'Afronden',
  'consent.finalizeIntro': 'Klaar? Rond je dossier af. Dan gaat het naar het mbo dat je hebt gekozen.',
  'consent.backToDeelA': 'Terug naar deel A',
  'consent.backToDeelAIntro':
    'Wil je iets veranderen in deel A? Ga dan terug naar deel A. Je akkoord en je toestemming tellen dan niet meer. Je mentor moet deel B daarna opnieuw bekijken.',
  'consent.confirm.finalizeTitle': 'Weet je het zeker?',
  'consent.confirm.finalizeText': 'Daarna kun je niets meer veranderen. Je dossier gaat naar het mbo.',
  'consent.confirm.backTitle': 'Terug naar deel A?',
  'consent.confirm.backText': 'Je akkoord en je toestemming tellen dan niet meer. Je mentor moet deel B opnieuw bekijken.',
  'consent.confirm.cancel': 'Annuleren',
  'consent.busy': 'Even geduld…',
  'consent.backDone': 'Je dossier staat weer bij deel A. Je kunt deel A nu aanpassen.',

  'consent.final.intro': 'Dit dossier is afgerond op {date}. Er kan niets meer veranderen.',
  'consent.final.introNoDate': 'Dit dossier is afgerond. Er kan niets meer veranderen.',
  'consent.final.summary': 'Akkoord en toestemming',
  'consent.final.akkoord': 'Eens met de inhoud',
  'consent.final.reden': 'Opmerking bij deel B',
  'consent.final.toestemming': 'Toestemming om te sturen',
  'consent.final.shared': 'Gedeeld met het mbo',
  'consent.final.notShared': 'Niet gedeeld',
  'consent.final.guardian': 'Toestemming ouder of verzorger',
  'consent.final.guardianValue': '{naam} ({relatie}), {date}',
  'consent.print': 'Afdrukken',
  'consent.yes': 'Ja',
  'consent.no': 'Nee',
  'consent.none': 'Geen',
} as const;

type ConsentKey = keyof typeof nl;

const en: Record<ConsentKey, string> = {
  'consent.title': 'Declaration of agreement',
  'consent.titleGuardian': 'Consent of parent or guardian',
  'consent.titleFinal': 'Your dossier is completed',
  'consent.titleFinalOf': "{naam}'s dossier is completed",
  'consent.noDossier': 'No dossier chosen: give it a dossier-id.',
  'consent.loading': 'Loading dossier…',
  'consent.wrongRole': 'This screen is for the student and the parent or guardian. There is nothing to do here in your role.',
  'consent.mboNotFinal': 'This dossier is not completed yet. You can read it once the student has completed it.',
  'consent.notYet.concept': 'Your dossier is at part A. Finish part A and send it to your mentor. After that you can agree here.',
  'consent.notYet.mentor': 'Your mentor is working on your dossier. When your mentor is done, you can agree here.',
  'consent.notYet.guardian': 'You cannot open this dossier now. Your consent is only needed once your child has checked the dossier; you will then get a message. Is your child {age} or older? Then your child decides alone.',
  'consent.archived': 'This dossier is archived. Reactivate it first if you want to continue.',

  'consent.readIntro': 'First read what is in the dossier. You cannot change anything here.',
  'consent.partA': 'Part A: details of the student',
  'consent.partB': "Part B: the mentor's assessment",
  'consent.partBEmpty': 'Part B has not been filled in (yet).',
  'consent.inzageSaved': 'We saved that you looked at the dossier on {date}.',
  'consent.inzageSaving': 'Saving that you looked at the dossier…',

  'consent.sharing.title': 'What goes to the MBO?',
  'consent.sharing.always': 'Always shared',
  'consent.sharing.alwaysIntro': 'These details always go along. They are needed for your enrolment:',
  'consent.sharing.never': 'Never shared',
  'consent.sharing.neverIntro': 'These details always stay at your school:',
  'consent.sharing.choose': 'You choose the rest below. What you do not tick does not go along.',
  'consent.sharing.nothingToChoose': 'There is nothing to choose: everything above goes along.',

  'consent.yourConsent': 'Your agreement',
  'consent.save': 'Save',
  'consent.saving': 'Saving…',
  'consent.saved': 'Saved.',
  'consent.restored': 'We put back the answers you had not saved yet. Choose Save to keep them.',
  'consent.offline':
    'You are offline. You can only send your declaration of agreement when you are back online. What you fill in here is kept on this device.',
  'consent.offline.guardian':
    'You are offline. You can only send your consent when you are back online. What you fill in here is kept on this device.',
  'consent.offlineTry':
    'That does not work right now, because you are offline. What you filled in is kept on this device. Try again when you are back online.',

  'consent.guardian.title': 'Consent of your parent or guardian',
  'consent.guardian.needed': 'Your parent or guardian must give consent too, because you are younger than {age}.',
  'consent.guardian.notSeen': 'Your parent or guardian has not looked at your dossier yet. Ask them to log in and read it.',
  'consent.guardian.seen': 'Your parent or guardian looked at your dossier on {date}.',
  'consent.guardian.waiting': 'Your parent or guardian still has to give consent.',
  'consent.guardian.given': '{naam} gave consent on {date}.',
  'consent.guardian.givenNoDate': '{naam} gave consent.',
  'consent.guardian.intro': "Read {naam}'s dossier. Then give your consent here to send it to the MBO.",
  'consent.guardian.notNeeded': '{naam} is {age} or older. Your consent is therefore not needed.',
  'consent.guardian.done': 'You gave consent on {date}. Thank you. {naam} can now complete the dossier.',

  'consent.actions.title': 'Complete',
  'consent.finalize': 'Complete',
  'consent.finalizeIntro': 'Ready? Complete your dossier. It then goes to the MBO you chose.',
  'consent.backToDeelA': 'Back to part A',
  'consent.backToDeelAIntro':
    'Do you want to change something in part A? Then go back to part A. Your agreement and consent will then lapse. Your mentor must look at part B again afterwards.',
  'consent.confirm.finalizeTitle': 'Are you sure?',
  'consent.confirm.finalizeText': 'After this you cannot change anything. Your dossier goes to the MBO.',
  'consent.confirm.backTitle': 'Back to part A?',
  'consent.confirm.backText': 'Your agreement and consent will lapse. Your mentor must look at part B again.',
  'consent.confirm.cancel': 'Cancel',
  'consent.busy': 'Please wait…',
  'consent.backDone': 'Your dossier is back at part A. You can now change part A.',

  'consent.final.intro': 'This dossier was completed on {date}. Nothing can change any more.',
  'consent.final.introNoDate': 'This dossier is completed. Nothing can change any more.',
  'consent.final.summary': 'Agreement and consent',
  'consent.final.akkoord': 'Agrees with the content',
  'consent.final.reden': 'Remark on part B',
  'consent.final.toestemming': 'Permission to send',
  'consent.final.shared': 'Shared with the MBO',
  'consent.final.notShared': 'Not shared',
  'consent.final.guardian': 'Consent of parent or guardian',
  'consent.final.guardianValue': '{naam} ({relatie}), {date}',
  'consent.print': 'Print',
  'consent.yes': 'Yes',
  'consent.no': 'No',
  'consent.none': 'None',
};

addMessages({ nl, en });

export type { ConsentKey };
