import { defineMessages } from '../define';

export const inventory = defineMessages({
  en: { title: 'Inventory' },
  'zh-CN': { title: 'FRU 信息' },
});
