export { type ArticleFeatures, type CandidateIndex, createCandidateIndex } from './candidate-index.ts';
export { type AssignResult, createGrouper, type Grouper, type GrouperOptions } from './create-grouper.ts';
export {
  type ArticleExplanation,
  explainStory,
  renderExplanation,
  type StoryExplanation,
} from './explain-story.ts';
export { countIndependentSources, independentGroups } from './independent-groups.ts';
export { articleIdentity, articleTime, compareArticles, createStoryId } from './story-id.ts';
