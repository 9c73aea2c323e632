import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { initialLang, rememberLang, translator, type Lang, type Translate } from './lang';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function applyDayjs(lang: Lang) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Language state, antd's locale and dayjs's locale in one place, so they never disagree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    rememberLang(l);
    applyDayjs(l);
    return l;
  });
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: translator(lang),
      setLang: (next) => {
        rememberLang(next);
        applyDayjs(next);
        setLangState(next);
      },
    }),
    [lang],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={lang === 'zh-CN' ? zhCN : enUS}
        // "登 录" reads oddly to screen readers and tests; keep the label as written.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
