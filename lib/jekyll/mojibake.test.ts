import { describe, expect, it } from 'vitest';
import { decodeWindows1252, findMojibake, repairMojibake } from './mojibake';

describe('mojibake', () => {
  it('repairs UTF-8 once read as Mac Roman: the wink, the heart and the shrug', () => {
    expect(repairMojibake('right \uF8FFüòâ').text).toBe('right 😉');
    // With the Apple-logo byte lost on the way, as many tools did.
    expect(repairMojibake('right üòâ').text).toBe('right 😉');
    expect(repairMojibake('Why I ‚ù§ Streams').text).toBe('Why I ❤ Streams');
    expect(repairMojibake('(¬Ø\\_(„ÉÑ)_/¬Ø)')).toEqual({ text: '(¯\\_(ツ)_/¯)', count: 3 });
    expect(repairMojibake('it‚Äôs').text).toBe('it’s');
  });

  it('repairs the Windows-1252 kind', () => {
    expect(repairMojibake('itâ€™s â€œfineâ€\u009d, cafÃ©').text).toBe('it’s “fine”, café');
  });

  it('leaves real accented text and typography alone', () => {
    const text = 'café naïve über Zürich “Éric” „Ärger“ — déjà vu, ½ °C, ©2018, São Paulo, Ålesund, Ørsted';
    expect(findMojibake(text)).toEqual([]);
    expect(repairMojibake(text).text).toBe(text);
  });

  it('never throws and never produces a replacement character, whatever the input', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'aé üòâ‚ù§¬Ø„ÉÑÃ©â€™\u0081\u009d\uF8FF\uD83D\uDE09\uFFFF\u0000';
    for (let i = 0; i < 500; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const { text } = repairMojibake(input);
      expect(text.includes('\uFFFD')).toBe(false);
    }
  });

  it('decodes Windows-1252 bytes, including the 0x80–0x9F punctuation', () => {
    expect(decodeWindows1252(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35, 0xe9]))).toBe('“Hi” €5é');
  });
});
