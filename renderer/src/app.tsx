// The window: header (title, language), notices about this machine, and the routes. Routing is by hash
// (the renderer loads from file:// in Electron): #/ host list, #/hosts/<id>/<tab> a host page.
import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HashRouter, Link, Navigate, Route, Routes } from 'react-router';
import { useBmcQuery } from './query/use-bmc';
import { LanguageSwitch } from './shell/language-switch';
import { Notices } from './shell/notices';
import { Providers } from './shell/providers';
import { HostListPage } from './pages/host-list/host-list-page';
import { HostPage } from './pages/host/host-page';
import { DEFAULT_TAB } from './pages/host/tabs';

function Shell() {
  const { t } = useTranslation();
  const status = useBmcQuery('app.status', {}, { staleTime: Infinity });
  return (
    <Layout className="app" data-app-state={status.data ? 'loaded' : 'loading'}>
      <Layout.Header className="app-header">
        <Link to="/" className="app-title">
          <Typography.Title level={1}>{t('app.title')}</Typography.Title>
        </Link>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content className="app-content">
        {status.data && <Notices status={status.data} />}
        {status.data && (
          <Routes>
            <Route path="/" element={<HostListPage />} />
            <Route path="/hosts/:hostId" element={<Navigate to={DEFAULT_TAB} replace />} />
            <Route path="/hosts/:hostId/:tab" element={<HostPage />} />
            <Route
              path="*"
              element={
                <Typography.Paragraph>
                  {t('app.notFound')} <Link to="/">{t('app.backToHosts')}</Link>
                </Typography.Paragraph>
              }
            />
          </Routes>
        )}
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  return (
    <Providers>
      <HashRouter>
        <Shell />
      </HashRouter>
    </Providers>
  );
}
