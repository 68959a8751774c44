import { type CssSelectorCheck, decodeSelector, readSelector } from './selector';

/** A stand-in for the extractor's parser: refuses any selector with a "!" and records what it saw. */
function recordingCheck(): { check: CssSelectorCheck; seen: string[] } {
  const seen: string[] = [];
  const check: CssSelectorCheck = (css) => {
    seen.push(css);
    return css.includes('!') ? `"${css}" is not valid CSS` : null;
  };
  return { check, seen };
}

describe('readSelector: one reading of a declared selector', () => {
  it('keeps CSS as written and stores a range, object or JSON text, as its canonical JSON', () => {
    const { check } = recordingCheck();
    expect(readSelector(' main > article ', check)).toEqual({ stored: ' main > article ' });
    const canonical = '{"startAfter":"h1","endBefore":"footer"}';
    for (const range of [
      { endBefore: 'footer', startAfter: 'h1' },
      { startAfter: 'h1', endBefore: 'footer' },
      '{"endBefore":"footer","startAfter":"h1"}',
      '  {\n  "startAfter": "h1",\n  "endBefore": "footer"\n}',
      canonical,
    ])
      expect(readSelector(range, check)).toEqual({ stored: canonical });
    // the stored form reads back as the same range
    expect(decodeSelector(canonical)).toEqual({ startAfter: 'h1', endBefore: 'footer' });
  });

  it('checks the CSS of a plain selector and of each bound of a range, naming the bound at fault', () => {
    const { check, seen } = recordingCheck();
    expect(readSelector('div!', check)).toEqual({ problem: '"div!" is not valid CSS' });
    expect(readSelector({ startBefore: 'h1', endAfter: 'p!' }, check)).toEqual({
      problem: '"p!" is not valid CSS',
      key: 'endAfter',
    });
    expect(readSelector('{"startBefore":"h1!","endBefore":"p"}', check)).toEqual({
      problem: '"h1!" is not valid CSS',
      key: 'startBefore',
    });
    expect(seen).toEqual(['div!', 'h1', 'p!', 'h1!']);
  });

  it('refuses a range of the wrong shape before any CSS is parsed', () => {
    const { check, seen } = recordingCheck();
    expect(readSelector({ startBefore: 'a' }, check)).toEqual({
      problem: 'a range needs exactly one of endBefore and endAfter',
    });
    expect(readSelector({ startBefore: 'a', endBefore: 'b', end: 'c' }, check)).toHaveProperty(
      'problem',
      expect.stringMatching(/unknown key\(s\) end/),
    );
    expect(readSelector('{"startBefore":"a"', check)).toHaveProperty(
      'problem',
      expect.stringMatching(/not valid JSON/),
    );
    expect(readSelector('{"startBefore":"a"}', check)).toHaveProperty(
      'problem',
      expect.stringMatching(/exactly one of endBefore and endAfter/),
    );
    expect(seen).toEqual([]);
  });

  it("refuses blanks and values of neither shape, in the caller's words or by default the API's", () => {
    const { check, seen } = recordingCheck();
    for (const blank of ['', '  ', '\n\t'])
      expect(readSelector(blank, check)).toEqual({ problem: 'must be a non-empty CSS selector' });
    for (const other of [null, undefined, 3, true, [], ['main']])
      expect(readSelector(other, check)).toEqual({
        problem: expect.stringMatching(/^must be a CSS selector/),
      });
    const words = { blankMessage: 'empty!', shapeMessage: 'not a selector!' };
    expect(readSelector(' ', check, words)).toEqual({ problem: 'empty!' });
    expect(readSelector(42, check, words)).toEqual({ problem: 'not a selector!' });
    expect(seen).toEqual([]);
  });

  it('caps the length only when asked: a CSS string, a range’s JSON text, each bound of a range object', () => {
    const { check } = recordingCheck();
    const long = `div.${'a'.repeat(30)}`;
    expect(readSelector(long, check)).toEqual({ stored: long });
    expect(readSelector(long, check, { maxLength: 20 })).toEqual({ problem: 'at most 20 characters' });
    expect(readSelector('x'.repeat(20), check, { maxLength: 20 })).toEqual({ stored: 'x'.repeat(20) });
    expect(readSelector({ startBefore: 'h1', endBefore: long }, check, { maxLength: 20 })).toEqual({
      problem: 'at most 20 characters',
      key: 'endBefore',
    });
    expect(readSelector('{"startBefore":"h1","endBefore":"p"}', check, { maxLength: 20 })).toEqual({
      problem: 'at most 20 characters',
    });
  });
});
