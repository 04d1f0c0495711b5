import { defineMessages } from '../define';

export const sensors = defineMessages({
  en: { title: 'Sensors' },
  'zh-CN': { title: '传感器' },
});
