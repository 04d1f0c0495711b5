import { defineMessages } from '../define';

export const overview = defineMessages({
  en: {
    device: 'Device',
    deviceId: 'Device ID',
    firmware: 'Firmware revision',
    ipmiVersion: 'IPMI version',
    manufacturer: 'Manufacturer ID',
    product: 'Product ID',
    op: { mcInfo: 'Read device information' },
  },
  'zh-CN': {
    device: '设备',
    deviceId: '设备 ID',
    firmware: '固件版本',
    ipmiVersion: 'IPMI 版本',
    manufacturer: '厂商 ID',
    product: '产品 ID',
    op: { mcInfo: '读取设备信息' },
  },
});
