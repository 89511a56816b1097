import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import { zh, type MessageKey, type Messages } from './zh';

export type Language = 'zh' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'inspecta.language';

// Chinese is what nearly every user reads, so it ships with the app; English (its dictionary and
// antd's en_US) is fetched the first time someone chooses it.
type LanguagePack = { messages: Messages; antdLocale: Locale };
const packs: Partial<Record<Language, LanguagePack>> = { zh: { messages: zh, antdLocale: zhCN } };

const loadPack = async (language: Language): Promise<LanguagePack> => {
  const loaded = packs[language];
  if (loaded) return loaded;
  const [{ en }, { default: enUS }] = await Promise.all([import('./en'), import('antd/locale/en_US')]);
  const pack = { messages: en, antdLocale: enUS };
  packs.en = pack;
  return pack;
};

const readStoredLanguage = (): Language => {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
};

// dayjs's locale is global; set it before anything renders a date.
const applyLanguage = (language: Language): void => {
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
};

// Called once before the first render, so a user who chose English never sees a Chinese flash.
export const loadStoredLanguage = async (): Promise<void> => {
  const language = readStoredLanguage();
  try {
    await loadPack(language);
    applyLanguage(language);
  } catch {
    // offline with English not cached: start in Chinese
    applyLanguage('zh');
  }
};

type I18nValue = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  antdLocale: Locale;
};

const I18nContext = createContext<I18nValue | null>(null);

const interpolate = (text: string, vars?: Record<string, string | number>): string =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : text;

const initialLanguage = (): Language => (packs[readStoredLanguage()] ? readStoredLanguage() : 'zh');

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    // the switch happens once the dictionary is here; until then the page stays in the language it was
    void loadPack(next).then(() => {
      applyLanguage(next);
      setLanguageState(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
    });
  }, []);

  const pack = packs[language] ?? (packs.zh as LanguagePack);
  const t = useCallback<Translate>((key, vars) => interpolate(pack.messages[key], vars), [pack]);

  const value = useMemo(
    () => ({ language, setLanguage, t, antdLocale: pack.antdLocale }),
    [language, setLanguage, t, pack],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

const useI18n = (): I18nValue => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT must be used inside <I18nProvider>');
  return value;
};

export const useT = (): Translate => useI18n().t;

export const useLanguage = (): Pick<I18nValue, 'language' | 'setLanguage' | 'antdLocale'> => {
  const { language, setLanguage, antdLocale } = useI18n();
  return { language, setLanguage, antdLocale };
};
