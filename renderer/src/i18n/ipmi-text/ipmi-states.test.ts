// The zh-CN state tables against main's English ones: the same (type, offset, event data 2) entries,
// no more and no fewer, plus known answers. Renderer tests may not import main's code, so the English
// table is read from its source (electron/ipmi/decode/event-reading-types.ts) and its entries parsed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ZH_GENERIC } from './generic-states';
import { ZH_SENSOR_SPECIFIC } from './sensor-specific-states';
import { stateText, zhStateText } from './state-text';
import type { ZhStateTable } from './zh-state-table';

const SOURCE = readFileSync(
  fileURLToPath(new URL('../../../../electron/ipmi/decode/event-reading-types.ts', import.meta.url)),
  'utf8',
);

/** "type:offset:data2" for every entry of one of the source's tables (`const NAME: EventTable = {…};`) */
function englishEntries(name: string): string[] {
  const start = SOURCE.indexOf(`const ${name}: EventTable = {`);
  const body = SOURCE.slice(start, SOURCE.indexOf('\n};', start));
  const out: string[] = [];
  let type = -1;
  for (const line of body.split('\n')) {
    const head = /^ {2}(0x[0-9a-f]{2}): \[$/.exec(line);
    if (head) type = Number(head[1]);
    const e = /^ {4}\[(0x[0-9a-f]{2}), '(?:[^'\\]|\\.)*'(?:, (0x[0-9a-f]{2}))?\],$/.exec(line);
    if (e) out.push(`${type}:${Number(e[1])}:${e[2] === undefined ? '-' : Number(e[2])}`);
  }
  return out;
}

function zhEntries(table: ZhStateTable): string[] {
  return Object.entries(table).flatMap(([type, entries]) =>
    entries.map(([offset, , data2]) => `${Number(type)}:${offset}:${data2 ?? '-'}`),
  );
}

describe('zh-CN state tables cover exactly main’s English tables', () => {
  it('generic (threshold and 0x02-0x0C), entry for entry', () => {
    const en = englishEntries('GENERIC');
    expect(en.length).toBe(57); // the parser read the table (12 threshold + 45 discrete offsets)
    expect(zhEntries(ZH_GENERIC).sort()).toEqual(en.sort());
  });

  it('sensor-specific (0x6F by sensor type), entry for entry, data-2 texts included', () => {
    const en = englishEntries('SENSOR_SPECIFIC');
    expect(en.length).toBeGreaterThan(300);
    expect(zhEntries(ZH_SENSOR_SPECIFIC).sort()).toEqual(en.sort());
  });

  it('every text is Chinese-worded and none is empty', () => {
    for (const table of [ZH_GENERIC, ZH_SENSOR_SPECIFIC])
      for (const entries of Object.values(table))
        for (const [, text] of entries)
          expect(text).toMatch(/[\u4e00-\u9fff]|^(PCI [PS]ERR|[DS]\d.*|IPMB.*)$/);
  });
});

describe('stateText', () => {
  const ps = (offset: number, data2?: number) => ({ readingType: 0x6f, sensorType: 0x08, offset, data2 });
  it('known answers in zh-CN', () => {
    expect(stateText(ps(0), 'Presence detected', 'zh-CN')).toBe('已检测到存在');
    expect(stateText(ps(3), 'Power Supply AC lost', 'zh-CN')).toBe('电源交流输入丢失');
    expect(stateText({ readingType: 0x6f, sensorType: 0x0c, offset: 0 }, 'Correctable ECC', 'zh-CN')).toBe(
      '可纠正 ECC 错误',
    );
    expect(
      stateText({ readingType: 0x6f, sensorType: 0x10, offset: 2 }, 'Log area reset/cleared', 'zh-CN'),
    ).toBe('日志区已重置/清除');
    expect(stateText({ readingType: 0x0b, sensorType: 0x04, offset: 1 }, 'Redundancy Lost', 'zh-CN')).toBe(
      '冗余丢失',
    );
  });

  it('event data 2 picks its own text only when given, as in main', () => {
    expect(zhStateText(ps(6, 3))).toBe('配置错误:电源额定功率不匹配');
    expect(zhStateText(ps(6))).toBe('配置错误');
    expect(zhStateText(ps(6, 0x40))).toBe('配置错误');
  });

  it('English, unknown offsets, OEM types and no code keep the English text', () => {
    expect(stateText(ps(0), 'Presence detected', 'en')).toBe('Presence detected');
    expect(zhStateText(ps(8))).toBeUndefined(); // power supply has offsets 0-7 only
    expect(zhStateText({ readingType: 0x6f, sensorType: 0x26, offset: 0 })).toBeUndefined(); // no table
    expect(zhStateText({ readingType: 0x02, sensorType: 0x01, offset: 3 })).toBeUndefined();
    expect(stateText({ readingType: 0x70, sensorType: 0x08, offset: 0 }, 'OEM text', 'zh-CN')).toBe(
      'OEM text',
    );
    expect(stateText(undefined, 'Correctable ECC (DIMM 1A)', 'zh-CN')).toBe('Correctable ECC (DIMM 1A)');
  });
});
