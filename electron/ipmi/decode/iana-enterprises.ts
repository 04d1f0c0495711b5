// Manufacturer names for Get Device ID's 20-bit IANA Private Enterprise Number. The built-in table
// covers BMC and server vendors, spelled exactly as in IANA's registry
// (https://www.iana.org/assignments/enterprise-numbers.txt, 2024-05-16 edition); the full registry
// (~60k entries) can be supplied at run time in IANA's own text format, as ipmitool does.

/** IPMI's own meanings come first: 0 "unknown", 0x0FFFFF "unspecified" (IPMI v2.0 §20.1). */
const IPMI_RESERVED: ReadonlyMap<number, string> = new Map([
  [0, 'Unknown'],
  [0x0fffff, 'Unspecified'],
]);

export const BUILTIN_ENTERPRISES: ReadonlyMap<number, string> = new Map([
  [2, 'IBM (https://w3.ibm.com/standards )'],
  [11, 'Hewlett-Packard'],
  [42, 'Sun Microsystems'],
  [111, 'Oracle'],
  [193, 'Ericsson AB'],
  [232, 'Compaq'],
  [343, 'Intel Corporation'],
  [674, 'Dell Inc.'],
  [1139, 'EMC Corp'],
  [2011, 'HUAWEI Technology Co.,Ltd'],
  [4128, 'ARM Ltd.'],
  [4413, 'Broadcom Limited'],
  [4753, 'MontaVista Software, Inc.'],
  [5771, 'Cisco Systems, Inc.'],
  [3704, 'Advanced Micro Devices, Inc'],
  [6569, 'INVENTEC CORPORATION'],
  [6653, 'Tyan Computer Corporation'],
  [7244, 'Quanta Computer Inc.'],
  [7154, 'Intelligent Platform Management Interface forum'],
  [10297, 'Advantech Co., Ltd.'],
  [10368, "Fujitsu Technology Solutions GmbH (formerly 'Fujitsu Siemens Computers')"],
  [10876, 'Super Micro Computer Inc.'],
  [11129, 'Google, Inc.'],
  [12634, 'PICMG'],
  [15000, 'Kontron Canada Inc'],
  [19046, 'Lenovo Enterprise Business Group'],
  [20301, 'IBM eServer X'],
  [20974, 'American Megatrends, Inc'],
  [21317, 'ATEN INTERNATIONAL CO., LTD.'],
  [24339, 'ADLINK TECHNOLOGY INC.'],
  [27500, 'Dawning Ltd.'],
  [28458, "Nokia Networks (formerly 'Nokia Siemens Networks')"],
  [33049, 'Mellanox Technologies LTD'],
  [37945, 'Inspur(BeiJing) Electronic Information Industry Co.,Ltd'],
  [40092, 'Wiwynn Corporation'],
  [40981, 'Facebook, Inc.'],
  [47196, 'Hewlett Packard Enterprise'],
  [49622, 'ASRock Rack Incorporation'],
  [49769, 'YADRO'],
  [51974, 'Raptor Computing Systems, LLC'],
  [52538, 'Ampere Computing'],
]);

/**
 * Parses IANA's registry text: a line holding only the decimal number, then the organisation on the
 * next line indented by exactly two spaces. Later entries win, as in ipmitool's reader.
 */
export function parseIanaRegistry(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const lines = text.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^(\d+)/.exec(lines[i]!);
    if (!m) continue;
    const name = /^ {2}(?! )(.*?)\r?$/.exec(lines[i + 1]!);
    if (!name || !name[1]) continue;
    out.set(Number(m[1]), name[1]);
    i++;
  }
  return out;
}

/** The registry wins over the built-in table; IPMI's reserved values win over both. */
export function manufacturerName(id: number, registry?: ReadonlyMap<number, string>): string | undefined {
  return (
    IPMI_RESERVED.get(id) ??
    registry?.get(id) ??
    BUILTIN_ENTERPRISES.get(id) ??
    (id === 0xfffffe ? 'A Debug Assisting Company, Ltd.' : undefined)
  );
}
