// What other features may use: the burden badge wherever an inspection appears, and an enterprise's card.
export { BurdenBadge } from './burden-badge';
export { EnterpriseBurdenCard } from './enterprise-burden-card';
export { InspectionKindTag, InspectionStatusTag, TriggerTag } from './inspection-tags';
