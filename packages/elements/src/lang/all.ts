/**
 * Registers Arabic, Turkish, Ukrainian and Polish for both the SDK texts (section and question
 * labels, refusals, validation and error messages) and the elements' UI strings, and offers them
 * and English: a page `lang` in any of the six languages then switches the elements. Import it
 * once (the demo and Storybook do); the script-tag bundle leaves it out to stay small and ships
 * one file per language instead.
 */
import { registerLanguage } from '@doorstroom/sdk';
import { ar as sdkAr } from '@doorstroom/sdk/lang/ar';
import { pl as sdkPl } from '@doorstroom/sdk/lang/pl';
import { tr as sdkTr } from '@doorstroom/sdk/lang/tr';
import { uk as sdkUk } from '@doorstroom/sdk/lang/uk';
import { addMessages, offerLanguages } from '../shared/i18n.js';
import { ar } from './ar.js';
import { pl } from './pl.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

for (const pack of [sdkAr, sdkTr, sdkUk, sdkPl]) registerLanguage(pack);
addMessages({ ar, tr, uk, pl });
offerLanguages('en', 'ar', 'tr', 'uk', 'pl');
