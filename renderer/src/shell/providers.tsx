// Library locale follows the app language: antd's texts (pagination, pickers, empty states) and dayjs's
// date formats switch with it.
import { useMemo, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createQueryClient } from '../query/query-client';

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  const client = useMemo(createQueryClient, []);
  return (
    <ConfigProvider
      locale={zh ? zhCN : enUS}
      theme={{
        token: {
          fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif',
          // antd's default blue and red reach only about 3.9:1 against white and the selected-row
          // background; one step darker meets WCAG AA (4.5:1) for links, buttons and danger text.
          colorPrimary: '#0958d9',
          colorError: '#cf1322',
          colorLink: '#0958d9',
          // hover/pressed must stay AA too (a pointer resting on a button is a state axe measures): antd's
          // derived hover for this blue is 4.3:1 with white text; these are 5.4:1 and 9:1
          colorPrimaryHover: '#2563d9',
          colorPrimaryActive: '#003eb3',
          colorLinkHover: '#2563d9',
          // secondary text and breadcrumb links: antd's 45% black is 3.4:1 on white; 62% is about 6:1
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
        },
        components: {
          // the breadcrumb's default grey (45 % black) is 2.8:1 on the page background; 65 % is 5.7:1
          Breadcrumb: { linkColor: 'rgba(0, 0, 0, 0.65)', separatorColor: 'rgba(0, 0, 0, 0.65)' },
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
