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
      theme={{ token: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } }}
    >
      <AntApp>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
