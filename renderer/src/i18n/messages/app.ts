import { defineMessages } from '../define';

export const app = defineMessages({
  en: {
    title: 'BMC Desk',
    language: 'Language',
    nav: { hosts: 'Hosts' },
    notice: {
      keychainMemory:
        'No OS keychain is available: passwords are kept in memory for this session only and must be entered again after a restart.',
      inventoryRestored: 'The host list was damaged and has been restored from the backup copy.',
      inventoryLost:
        'The host list was damaged and no backup could be used, so the list starts empty. The damaged file was kept in the data folder.',
    },
    notFound: 'There is no such page.',
    backToHosts: 'Back to the host list',
  },
  'zh-CN': {
    title: 'BMC Desk',
    language: '语言',
    nav: { hosts: '主机' },
    notice: {
      keychainMemory: '没有可用的系统钥匙串：密码只在本次运行期间保存在内存中，重启后需要重新输入。',
      inventoryRestored: '主机列表文件已损坏，已从备份副本恢复。',
      inventoryLost: '主机列表文件已损坏且没有可用的备份，列表从空开始。损坏的文件已保留在数据文件夹中。',
    },
    notFound: '没有这个页面。',
    backToHosts: '返回主机列表',
  },
});
