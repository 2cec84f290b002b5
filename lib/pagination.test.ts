import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination';

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first, the last and two on each side of the current page', () => {
    expect(pageWindow(500, 1002)).toEqual([1, 'gap', 498, 499, 500, 501, 502, 'gap', 1002]);
    expect(pageWindow(1, 1002)).toEqual([1, 2, 3, 'gap', 1002]);
    expect(pageWindow(1002, 1002)).toEqual([1, 'gap', 1000, 1001, 1002]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 20]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has the same number of slots on every page of a long list', () => {
    const sizes = new Set(Array.from({ length: 1002 }, (_, i) => pageWindow(i + 1, 1002).length));
    expect(Math.max(...sizes)).toBe(9);
  });
});
