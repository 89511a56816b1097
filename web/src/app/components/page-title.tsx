import { useEffect } from 'react';

const APP_NAME = '涉企行政检查规范化平台';

// Issue 14 item 7: every page has a title of its own (the browser's tab, a screen reader's first words) and one
// h1. Layouts whose pages show their name in a smaller heading give the h1 to screen readers only.
export const usePageTitle = (name: string) =>
  useEffect(() => {
    document.title = name ? `${name} - ${APP_NAME}` : APP_NAME;
  }, [name]);

export const PageTitle = ({ name, visible = false }: { name: string; visible?: boolean }) => {
  usePageTitle(name);
  return <h1 className={visible ? 'page-title' : 'visually-hidden'}>{name}</h1>;
};
