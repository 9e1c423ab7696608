// Stage 2 (model selection): the selector's public API.
export { SelectionError, trimDescription, type CatalogModel, type SelectionErrorKind } from './catalog-model';
export { rankCandidates, topCandidates, unavailableReason } from './candidates';
export { canonicalTask, cloudServes, declaredModels, fallbackTarget, huggingfaceUsable, modelTarget, type DeclaredModel } from './endpoints';
export { noCandidateReason, servableCandidates, taskCandidates, type ServableCandidates, type TaskServed } from './servable-candidates';
export { selectModels, type SelectModelsInput, type SelectModelsResult } from './select-models';
export { buildSelectionMessages, parseSelectionAnswer, SELECTION_SCHEMA, type ChoiceItem, type LlmChoice } from './selection-prompt';
