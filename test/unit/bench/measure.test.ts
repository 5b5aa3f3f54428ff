import { describe, expect, test } from 'vitest';
import { parseStat, parseVmRss, processTree } from '../../../scripts/lib/measure.ts';

describe('parseStat', () => {
  test('reads pid and parent pid', () => {
    expect(parseStat('4242 (node) S 4200 4242 4200 0 -1 4194560 1830 0 0 0 3 1 0 0 20 0 11 0\n')).toEqual({ pid: 4242, ppid: 4200 });
  });

  test('finds the fields after a command name with spaces and parentheses', () => {
    expect(parseStat('77 (Web Content (x)) R 12 77 12 0 -1 0')).toEqual({ pid: 77, ppid: 12 });
  });

  test('gives null for text that is not a stat line', () => {
    expect(parseStat('')).toBeNull();
    expect(parseStat('not a stat line')).toBeNull();
  });
});

describe('parseVmRss', () => {
  test('reads VmRSS in bytes', () => {
    expect(parseVmRss('Name:\tnode\nVmPeak:\t 1000 kB\nVmRSS:\t   51200 kB\nRssAnon:\t 40000 kB\n')).toBe(51200 * 1024);
  });

  test('gives null for a process without resident memory (a kernel thread)', () => {
    expect(parseVmRss('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull();
  });
});

describe('processTree', () => {
  const entries = [
    { pid: 1, ppid: 0 },
    { pid: 10, ppid: 1 }, // npm
    { pid: 11, ppid: 10 }, // sh
    { pid: 12, ppid: 11 }, // node
    { pid: 13, ppid: 12 }, // pagefind
    { pid: 14, ppid: 11 }, // a second child of sh
    { pid: 20, ppid: 1 }, // unrelated
  ];

  test('is the root and every descendant, and nothing else', () => {
    expect(processTree(10, entries).toSorted((a, b) => a - b)).toEqual([10, 11, 12, 13, 14]);
  });

  test('is the root alone when it has no children, or has already ended', () => {
    expect(processTree(20, entries)).toEqual([20]);
    expect(processTree(99, entries)).toEqual([99]);
  });

  test('ends on a cycle (a reused pid read mid-walk)', () => {
    expect(
      processTree(5, [
        { pid: 5, ppid: 6 },
        { pid: 6, ppid: 5 },
      ]).toSorted(),
    ).toEqual([5, 6]);
  });
});
