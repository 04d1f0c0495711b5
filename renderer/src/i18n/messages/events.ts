import { defineMessages } from '../define';

export const events = defineMessages({
  en: { title: 'Event log' },
  'zh-CN': { title: '系统事件日志(SEL)' },
});
