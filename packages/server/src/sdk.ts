/**
 * Everything this package takes from the SDK, in one place: the contract, rules and clients from
 * `@doorstroom/sdk`, the service, handler and persistence port from `@doorstroom/sdk/server`.
 */
export {
  createService,
  isoDay,
  createFetchHandler,
  defaultMaxBodyBytes,
  problem,
  problems,
  problemTypeBase,
  ServiceError,
  type DossierService,
  type ServiceOptions,
  type FetchHandlerOptions,
  type BackendStore,
  type DossierFilter,
  type StoredBegeleiding,
  type OutgoingNotification,
  type RosterMentor,
  type StoredSchool,
  type StoredStudent,
  type StoreTx,
  newRandomDossierId,
} from '@doorstroom/sdk/server';
export {
  applies,
  buildSections,
  chosenInstelling,
  conditionContext,
  completion,
  createHttpClient,
  createMemoryBackend,
  DossierApiError,
  exampleData,
  guardianConsentNeeded,
  isDossierApiError,
  memoryBaseUrl,
  problemSchema,
  sharingClassOf,
  type Actor,
  type Dossier,
  type DossierAction,
  type DossierApi,
  type DossierStatus,
  type ExampleData,
  type HistoryEntry,
  type Institution,
  type Intake,
  type Localized,
  type Location,
  type MemoryBackend,
  type Mentor,
  type Problem,
  type Programme,
  type Question,
  type ReferenceAnswer,
  type RegionConfig,
  type SectionAnswers,
  type SectionDefinition,
  type SharingClass,
} from '@doorstroom/sdk';
// The catalogue search must fold text exactly as the memory backend does; the SDK does not export it (yet).
export { foldForSearch } from '@doorstroom/sdk/server';

import type { ExampleData } from '@doorstroom/sdk';
export type ExampleAccount = ExampleData['accounts'][number];
