/**
 * Offers English: a page with `lang="en"` (say `<html lang="en">`) then shows the elements in
 * English. Without this import only an element's own `lang="en"` (or a `<ddd-context lang="en">`
 * around it) does, so a framework template's default `<html lang="en">` leaves a Dutch school's
 * elements Dutch. The English texts themselves are in the elements already; the script-tag
 * bundle's `lang/en.js` carries them and offers English the same way.
 */
import { offerLanguages } from '../shared/i18n.js';

offerLanguages('en');
