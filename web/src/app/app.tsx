import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useLanguage } from './i18n/i18n-context';
import { queryClient } from './query-client';
import { AppRoutes } from './routes';

const BRAND = '#1d4e89';
const SIDER = '#0b2d5b';

const ThemedApp = () => {
  const { antdLocale } = useLanguage();
  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{
        token: { colorPrimary: BRAND, borderRadius: 6, fontSize: 14 },
        components: {
          Layout: { siderBg: SIDER, triggerBg: '#082247' },
          Menu: { darkItemBg: SIDER, darkSubMenuItemBg: SIDER },
        },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <I18nProvider>
      <ThemedApp />
    </I18nProvider>
  </QueryClientProvider>
);
