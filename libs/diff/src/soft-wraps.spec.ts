import { analyzeChange } from './analyze-change';
import { unwrapParagraphs } from './soft-wraps';

describe('paragraphs wrapped over lines', () => {
  it('joins a sentence cut by a line break', () => {
    expect(unwrapParagraphs('Your clips are kept on the\ncamera and never uploaded.')).toBe(
      'Your clips are kept on the camera and never uploaded.',
    );
  });

  it('leaves lists, tables, headings, labels, code and finished sentences alone', () => {
    for (const text of [
      '# Heading\nFirst line.',
      'We collect:\n- your name\n- your email',
      '| a | b |\n| c | d |',
      'Local Voice Only\nYour speaker answers on its own.',
      '{\n  "voice": "local",\n  "history": "off"\n}',
      'One sentence.\nAnother sentence.',
      'Allow location access.\n[Allow location] [Skip]',
      'A hard break  \nafter two spaces.',
    ])
      expect(unwrapParagraphs(text)).toBeNull();
  });

  it('joins the continuation of a list item', () => {
    expect(unwrapParagraphs('- Voice requests stay on\n  the speaker itself.')).toBe(
      '- Voice requests stay on the speaker itself.',
    );
  });

  it('a wrapped choice that survives a rewording is read whole, not as a choice removed', () => {
    const before =
      '# Glasses privacy\n\nPrivate mode is off by default. Switch it on in the Lenso app under **Privacy**.\n';
    const after =
      '# Glasses privacy\n\nPrivate mode is now on by default for new glasses. You can switch it off in the\nLenso app under **Privacy**.\n';
    expect(analyzeChange(before, after).classification.kinds).not.toContain('opt-out-removed');
  });
});
