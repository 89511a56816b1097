import { describe, expect, it } from 'vitest';
import { widthsByContent } from './docx-layout.ts';

// issue 14 item 3: the annual plan's columns are as wide as what they hold
describe('column widths by content', () => {
  const header = ['序号', '企业名称', '属地', '检查月份', '工作日'];

  it('gives a long name the room to stay on one line and a number column only what it needs', () => {
    const rows = [['1', '江门市蓬江区宏达粤海陶瓷有限公司', '蓬江区', '3月', '4']];
    const widths = widthsByContent(header, rows);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(100);
    const [number, name, territory, months, workdays] = widths as [number, number, number, number, number];
    expect(name).toBeGreaterThan(number + territory + months + workdays);
    expect(number).toBeLessThan(territory);
    // the two-character header 序号 and 工作日 each ask by their own text
    expect(workdays).toBeGreaterThan(number);
  });

  it('shares what is left among the longest columns when the asks exceed the page', () => {
    const long = '很'.repeat(80);
    const rows = [['1', long, long, '3月', '4']];
    const widths = widthsByContent(header, rows) as [number, number, number, number, number];
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(100);
    expect(widths[1]).toBeCloseTo(widths[2]);
    // the short columns keep what they ask for: 序号 is not squeezed below its header's width
    expect(widths[0]).toBeGreaterThan(5);
  });
});
