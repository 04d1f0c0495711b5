import { defineMessages } from '../define';

export const power = defineMessages({
  en: { title: 'Power & boot' },
  'zh-CN': { title: '电源与启动' },
});
