// What other features use of the settings (see eslint.config.js: features reach each other only through public.ts).
export { officeLocaleOf, readSetting, readSettings, readSettingsView, writeSettings } from './store.ts';
