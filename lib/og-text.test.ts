import { describe, expect, it } from 'vitest';
import { drawableText } from './og-text';

describe('drawableText (social image titles)', () => {
  it('keeps what the bundled font draws and drops emoji and other scripts', () => {
    expect(drawableText('Streaming SQL Foundations: Why I ❤ Streams+Tables')).toBe('Streaming SQL Foundations: Why I Streams+Tables');
    expect(drawableText('Malmö, Zürich — “quotes” 🎉👩‍💻')).toBe('Malmö, Zürich — “quotes”');
    expect(drawableText('Kafka 東京 Привет')).toBe('Kafka Привет');
    expect(drawableText('Cafe\u0301')).toBe('Café');
  });

  it('cuts long titles between words', () => {
    const cut = drawableText('word '.repeat(100), 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
