// The host page's frame: header, power tag, tab names (the tab table is pages/host/tabs.ts).
import { defineMessages } from '../define';

export const host = defineMessages({
  en: {
    notFound: 'This host is not in the list.',
    power: { on: 'On', off: 'Off', unknown: 'Unknown' },
    powerLabel: 'Power',
    refresh: 'Refresh',
    tabs: {
      overview: 'Overview',
      power: 'Power & boot',
      sensors: 'Sensors',
      events: 'Event log',
      inventory: 'Inventory',
    },
    op: { powerStatus: 'Read power state' },
  },
  'zh-CN': {
    notFound: '主机列表中没有这台主机。',
    power: { on: '开机', off: '关机', unknown: '未知' },
    powerLabel: '开关机状态',
    refresh: '刷新',
    tabs: {
      overview: '概览',
      power: '电源与启动',
      sensors: '传感器',
      events: '事件日志',
      inventory: 'FRU 信息',
    },
    op: { powerStatus: '读取开关机状态' },
  },
});
