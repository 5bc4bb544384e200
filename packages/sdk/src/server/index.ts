// @doorstroom/sdk/server: the contract's one HTTP implementation and its persistence port,
// for hosting the backend in Node (packages/server) or any runtime with fetch Request/Response.
import { registerLanguage } from '../i18n.js';
import { en } from '../lang/en.js';

// Problem details carry English for integrators (`detail`): the server always has the English pack.
registerLanguage(en);

export * from './store.js';
export * from './service.js';
export * from './handler.js';
export * from './problems.js';
export { createMemoryStore, type MemoryState, type StorageLike } from './memory-store.js';
export { createCatalogIndex, foldForSearch } from '../example/catalog.js';
export { newRandomDossierId } from './ids.js';
export { dossierStudentOf, registeredAnswers } from './registration.js';
export * from './admin.js';
export * from './retention.js';
export { followRegistration, type RegistrationFollowed } from './registration.js';
export { withHistoryChain, type ChainedStore, type ChainedStoreTx } from './history-chain-store.js';
