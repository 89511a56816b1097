// Measure 28: open days and media observation. The kinds of event, who takes part, and the rule that a
// suggestion is published on the portal only once the bureau has answered it.

export const OPEN_DAY_KINDS = ['open_day', 'media'] as const;
export type OpenDayKind = (typeof OPEN_DAY_KINDS)[number];
export const OPEN_DAY_KIND_NAMES: Record<OpenDayKind, string> = {
  open_day: '执法开放日',
  media: '媒体观察',
};

export const PARTICIPANT_CATEGORIES = [
  'npc_deputy',
  'cppcc_member',
  'social_supervisor',
  'worker_representative',
  'media',
] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_CATEGORY_NAMES: Record<ParticipantCategory, string> = {
  npc_deputy: '人大代表',
  cppcc_member: '政协委员',
  social_supervisor: '社会监督员',
  worker_representative: '职工代表',
  media: '媒体',
};

export const isSuggestionPublic = (suggestion: { answeredAt: unknown }): boolean =>
  suggestion.answeredAt !== null && suggestion.answeredAt !== undefined;
