// The threshold-order validator, table-driven: each case is a set of values (and a range) and the
// problems the form must show, naming the threshold and the neighbour it crosses.
import { describe, expect, it } from 'vitest';
import { thresholdProblem, thresholdProblems, type ThresholdValues } from './threshold-order';

const CPU: ThresholdValues = { lnr: 0, lcr: 5, lnc: 10, unc: 80, ucr: 90, unr: 95 };

describe('thresholdProblems', () => {
  const cases: {
    name: string;
    values: ThresholdValues;
    range?: { min?: number; max?: number };
    want: string[];
  }[] = [
    { name: 'the lab CPU Temp set is in order', values: CPU, want: [] },
    { name: 'equal neighbours are allowed', values: { ...CPU, unc: 90 }, want: [] },
    { name: 'no values, no problems', values: {}, want: [] },
    {
      name: 'unc above ucr: both ends of the pair are named',
      values: { ...CPU, unc: 92 },
      want: ['unc above ucr 90', 'ucr below unc 92'],
    },
    {
      name: 'lnc above unc',
      values: { ...CPU, lnc: 85 },
      want: ['lnc above unc 80', 'unc below lnc 85'],
    },
    {
      name: 'a gap is skipped: lnc checked against ucr when unc has no value',
      values: { lnc: 50, ucr: 40 },
      want: ['lnc above ucr 40', 'ucr below lnc 50'],
    },
    {
      name: 'cleared values (null) take no part',
      values: { lcr: 5, lnc: null, unc: 3 },
      want: ['lcr above unc 3', 'unc below lcr 5'],
    },
    {
      name: 'lower end: lnr above lcr',
      values: { lnr: 6, lcr: 5 },
      want: ['lnr above lcr 5', 'lcr below lnr 6'],
    },
    {
      name: 'upper end: unr below ucr',
      values: { ucr: 90, unr: 89.5 },
      want: ['ucr above unr 89.5', 'unr below ucr 90'],
    },
    {
      name: 'out of range comes before order',
      values: { ...CPU, unr: 300 },
      range: { min: 0, max: 255 },
      want: ['unr range 0..255'],
    },
    {
      name: 'below the range',
      values: { ...CPU, lnr: -1 },
      range: { min: 0, max: 255 },
      want: ['lnr range 0..255'],
    },
    {
      name: 'a range given high end first (negative M) is still a range',
      values: { unc: -20 },
      range: { min: -10, max: -520 },
      want: [],
    },
    {
      name: 'an open range end does not limit',
      values: { unr: 1e6 },
      range: { min: 0 },
      want: [],
    },
  ];

  for (const c of cases)
    it(c.name, () => {
      const got = thresholdProblems(c.values, c.range).map((p) =>
        p.kind === 'range'
          ? `${p.threshold} range ${p.min}..${p.max}`
          : `${p.threshold} ${p.relation} ${p.other} ${p.otherValue}`,
      );
      expect(got).toEqual(c.want);
    });
});

describe('thresholdProblem', () => {
  it('a threshold without a value has no problem, whatever its neighbours', () => {
    expect(thresholdProblem('unc', { lnc: 90, ucr: 10 })).toBeNull();
  });
  it('non-finite values take no part', () => {
    expect(thresholdProblem('unc', { unc: 50, ucr: Number.NaN })).toBeNull();
  });
});
