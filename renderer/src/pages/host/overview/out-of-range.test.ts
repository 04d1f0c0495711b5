import { describe, expect, it } from 'vitest';
import type { SensorViewData } from '../../../../../shared/domain/sensor';
import { outOfRange } from './out-of-range';

const s = (name: string, status: SensorViewData['status']) => ({ name, status }) as SensorViewData;

describe('outOfRange', () => {
  it('keeps crossed thresholds only (no-reading sensors are not out of range), the worst first', () => {
    const list = [s('a', 'ok'), s('b', 'nc'), s('c', 'ns'), s('d', 'nr'), s('e', 'cr'), s('f', 'nc')];
    expect(outOfRange(list).map((x) => x.name)).toEqual(['d', 'e', 'b', 'f']);
  });
  it('none crossed: empty', () => {
    expect(outOfRange([s('a', 'ok'), s('b', 'ns')])).toEqual([]);
  });
});
