import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const screenshotDir = path.resolve(import.meta.dirname, 'screenshots');

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const baseUrl = (): string => inject('baseUrl');

export const screenshot = async (page: Page, name: string): Promise<void> => {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
};

// Starts from a fresh session, whoever was logged in before.
export const logIn = async (page: Page, username: string, password = 'Inspecta@2026'): Promise<void> => {
  await page.context().clearCookies();
  await page.goto(`${baseUrl()}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
};
