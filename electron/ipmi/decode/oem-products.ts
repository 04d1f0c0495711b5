// Product names for Get Device ID's (manufacturer, product ID) pair, as `ipmitool mc info` prints them.
// The names are ipmitool 1.8.19's table (oem-product-table.ts); this file only looks them up.
import { OEM_PRODUCT_TABLE } from './oem-product-table';

const key = (manufacturerId: number, productId: number) => manufacturerId * 0x10000 + productId;

/** First entry wins, as in ipmitool's linear search (the table repeats 18 pairs with other names). */
const BY_KEY: ReadonlyMap<number, string> = (() => {
  const m = new Map<number, string>();
  for (const [manufacturer, products] of OEM_PRODUCT_TABLE)
    for (const [product, name] of products) {
      const k = key(manufacturer, product);
      if (!m.has(k)) m.set(k, name);
    }
  return m;
})();

/**
 * The product's name, or undefined when ipmitool 1.8.19 does not know it (it prints "Unknown (0x..)").
 * The debugging entry (manufacturer 0xFFFFFE) can match only an unmasked 24-bit ID; Get Device ID's
 * decoder keeps the spec's 20 bits, so `mc info` never shows it (ipmitool, which keeps 24, would for a
 * BMC that sets the reserved bits 23:20).
 */
export function productName(manufacturerId: number, productId: number): string | undefined {
  return BY_KEY.get(key(manufacturerId, productId));
}
