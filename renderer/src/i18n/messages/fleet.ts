import { defineMessages } from '../define';

export const fleet = defineMessages({
  en: { title: 'Actions on the selected hosts' },
  'zh-CN': { title: '对所选主机的操作' },
});
