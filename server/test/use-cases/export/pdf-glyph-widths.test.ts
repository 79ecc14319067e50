import { describe, expect, it } from 'vitest';
import { kernsIntoAdvances } from '../../../src/modules/use-cases/export/pdf-glyph-widths.js';

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

const glyph = (advanceWidth: number, xAdvance = advanceWidth, xOffset = 0, yOffset = 0): Position => ({
  xAdvance,
  yAdvance: 0,
  xOffset,
  yOffset,
  advanceWidth,
});

/**
 * "التبريد" as the font engine lays it out in the bold font, left to right: final dal, initial yeh, the
 * beh-reh ligature kerned 120 units away from the yeh (placed 120 further and advancing 120 further, as
 * right-to-left kerning is written), teh, lam, alef.
 */
const TABRID = [glyph(610), glyph(288), glyph(628, 748, 120), glyph(330), glyph(287), glyph(240)];

/** A base letter carrying a mark that is raised and moved back over it, then a letter kerned apart. */
const WITH_MARK = [glyph(500), glyph(0, 0, -260, 420), glyph(300, 360, 60), glyph(400)];

/** Where each glyph is drawn: the pen position plus the glyph's offsets. */
function drawnAt(positions: readonly Position[]): Array<[number, number]> {
  let pen = 0;
  return positions.map((position) => {
    const at: [number, number] = [pen + position.xOffset, position.yOffset];
    pen += position.xAdvance;
    return at;
  });
}

const width = (positions: readonly Position[]) => positions.reduce((sum, position) => sum + position.xAdvance, 0);

describe('kerns moved into glyph advances', () => {
  it('keeps every glyph where the font engine drew it, and the word as wide', () => {
    for (const word of [TABRID, WITH_MARK]) {
      const after = kernsIntoAdvances(word);
      expect(drawnAt(after)).toEqual(drawnAt(word));
      expect(width(after)).toBe(width(word));
    }
  });

  it('turns the gap before the kerned glyph into extra advance of the glyph before it', () => {
    const after = kernsIntoAdvances(TABRID);
    expect(after[1]).toMatchObject({ xAdvance: 408, xOffset: 0, advanceWidth: 288 });
    expect(after[2]).toMatchObject({ xAdvance: 628, xOffset: 0, advanceWidth: 628 });
    expect(after.filter((position) => position.xOffset !== 0)).toEqual([]);
  });

  it('leaves marks where they are and does not push a kern into a mark', () => {
    const after = kernsIntoAdvances(WITH_MARK);
    expect(after[1]).toEqual(WITH_MARK[1]);
    expect(after[2]).toEqual(WITH_MARK[2]);
  });

  it('does not change the positions it was given (the writer caches them per word)', () => {
    const copy = structuredClone(TABRID);
    kernsIntoAdvances(TABRID);
    expect(TABRID).toEqual(copy);
  });
});
