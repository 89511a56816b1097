// The guide-lists module's door: the only file other modules, the CLI, the demo and the tests outside it import.
export { guideListRoutes } from './routes.ts';
export { publishedGuideList, publishedGuideLists } from './published-guide-lists.ts';
