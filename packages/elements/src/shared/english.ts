/**
 * Registers English: the SDK's texts (section and question labels, refusals, validation and
 * error messages) and the elements' UI texts. Every element's tag file imports it, so npm users
 * (the package index or a single element) have English built in, as before; a page still offers
 * it to its `lang` by `offerLanguages('en')` or `lang/all`. The script-tag bundle's entry
 * (`bundle.ts`) leaves it out and ships English as `dist/lang/en.js`, like ar, tr, uk and pl.
 */
import { registerLanguage } from '@doorstroom/sdk';
import { en as sdkEn } from '@doorstroom/sdk/lang/en';
import { en } from '../lang/en.js';
import { addMessages } from './i18n.js';

registerLanguage(sdkEn);
addMessages({ en });
