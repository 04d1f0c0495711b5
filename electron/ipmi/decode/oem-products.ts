// Product names for Get Device ID's (manufacturer, product ID) pair, as `ipmitool mc info` prints
// them. Only the server-board vendors are carried (Intel, YADRO, Broadcom, Ericsson, and the
// debugging ID); ipmitool 1.8.19 also lists ~800 Supermicro/Kontron/Advantech/ADLINK boards, for
// which we print the "Unknown (0x....)" fallback instead (see the CLI notes).
const INTEL = 343;
const ERICSSON = 193;
const BROADCOM = 4413;
const YADRO = 49769;
const DEBUG = 0xfffffe;

const PRODUCTS: readonly (readonly [manufacturer: number, product: number, name: string])[] = [
  [DEBUG, 0x1234, 'Great Debuggable BMC'],
  [INTEL, 0x000c, 'TSRLT2'],
  [INTEL, 0x001b, 'TIGPR2U'],
  [INTEL, 0x0022, 'TIGI2U'],
  [INTEL, 0x0026, 'Bridgeport'],
  [INTEL, 0x0028, 'S5000PAL'],
  [INTEL, 0x0029, 'S5000PSL'],
  [INTEL, 0x0100, 'Tiger4'],
  [INTEL, 0x0103, 'McCarran'],
  [INTEL, 0x0800, 'ZT5504'],
  [INTEL, 0x0808, 'MPCBL0001'],
  [INTEL, 0x0811, 'TIGW1U'],
  [INTEL, 0x4311, 'NSI2U'],
  [BROADCOM, 5725, 'BCM5725'],
  [ERICSSON, 0x0054, 'Phantom'],
  [YADRO, 0x0001, 'VESNIN BMC'],
  [YADRO, 0x000a, 'TATLIN.UNIFIED Storage Controller BMC'],
  [YADRO, 0x0014, 'VEGMAN Series BMC'],
  [YADRO, 0x0015, 'TATLIN.ARCHIVE/xS BMC'],
];

const BY_KEY = new Map(PRODUCTS.map(([m, p, n]) => [m * 0x10000 + p, n]));

export function productName(manufacturerId: number, productId: number): string | undefined {
  return BY_KEY.get(manufacturerId * 0x10000 + productId);
}
