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
        // issue 14 item 7: secondary and tertiary text dark enough to read (antd's 45% black, #8c8c8c, is 3.4:1 on
        // white; 65% black, #595959, is 7:1)
        token: {
          colorPrimary: BRAND,
          borderRadius: 6,
          fontSize: 14,
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
          // links at blue-7 (#0958d9, 6:1) not blue-6 (#1677ff, 4.1:1); placeholders at 55% black (4.7:1), not 25%
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorLinkActive: '#002c8c',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
        },
        components: {
          // a table's empty text ("尚未出具文书") is read, not disabled
          Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
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
