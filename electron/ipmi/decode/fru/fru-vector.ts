// The LAB FRU image of the research notes (specs/ipmi-lan.md §11.10): 138 bytes captured from ipmi_sim
// 2.0.33, read back with ipmitool 1.8.19 and FreeIPMI 1.6.10. Shared by the FRU decoder and formatter tests.
import { fromHex } from '../../wire/hex';

export const FRU_VECTOR = fromHex(
  // [0] header: v1, internal use 0, chassis 1 (@8), board 4 (@32), product 8 (@64), multi 15 (@120), pad, cksum e3
  '01 00 01 04 08 0f 00 e3' +
    // [8] chassis: v1, 3 x 8 bytes, type 0x17 Rack Mount Chassis, c5 "CP-01", c6 "CS1234", c1 end, pad, cksum 18
    '01 03 17 c5 43502d3031 c6 435331323334 c1 0000000000 00 18' +
    // [32] board: v1, 4 x 8, language 0x19, date c0 9c c0 = 0xC09CC0 min = 2020-01-01 00:00 UTC, c4 "ACME",
    // 86 = 6-bit ASCII, 6 bytes "IPMI BRD", 43 = BCD plus, 3 bytes "1234-5", c5 "PN-42", c0 empty FRU file ID,
    // c1 end, pad, cksum cb
    '01 04 19 c09cc0 c4 41434d45 86 29dca6802893 43 1234b5 c5 504e2d3432 c0 c1 00 cb' +
    // [64] product: v1, 7 x 8, language 0x19, c4 "ACME", cd "Widget Server", c4 "WS-1", c2 "A1", c6 "SN0001",
    // c7 "ASSET42", c0 empty FRU file ID, c7 custom "Custom1", c1 end, cksum 74
    '01 07 19 c4 41434d45 cd 57696467657420536572766572 c4 57532d31 c2 4131 c6 534e30303031 c7 41535345543432 c0' +
    ' c7 437573746f6d31 c1 74' +
    // [120] multi-record: type 01 DC output, 82 = end of list | format 2, length 0d, record cksum 7a, header
    // cksum f6; output 1, nominal b004 = 1200 x 10 mV, -dev 7404 = 11.40 V, +dev ec04 = 12.60 V,
    // ripple 3200 = 50 mV, min 0000 mA, max 1027 = 10000 mA
    '01 82 0d 7a f6 01 b004 7404 ec04 3200 0000 1027',
);
