// What a reader who is not the legal reviewer sees of a catalogue entry's source (issue 13 item 4): the legal
// basis in plain words. A source that is a reviewer's working note (待法制审核 (placeholder): … [N] … FACTS …)
// becomes one sentence saying the standard is provisional and which measure asks for it; a verified source
// loses only the note markers. The legal reviewer's views keep the source itself, with its marks.

const MEASURES_TITLE = '《江门市应急管理系统严格规范涉企行政检查若干措施》';
const REVIEW_NOTE = /^待法制审核/;
const NOTE_MARKERS = /\s*\[(?:N|\d+)\]|\s*\(placeholder\)|\s*\(domain\/[^)]*\)/g;
const MEASURE = /措施第([一二三四五六七八九十]+)项/;

export const readerBasis = (source: string): string => {
  if (REVIEW_NOTE.test(source) || !source.includes('《')) {
    const measure = MEASURE.exec(source)?.[1];
    return measure
      ? `暂定标准，按${MEASURES_TITLE}第${measure}项的要求设定，尚待法制审核确认`
      : '暂定标准，尚待法制审核确认';
  }
  return source.replace(NOTE_MARKERS, '').trim();
};
