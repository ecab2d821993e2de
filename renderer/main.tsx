/** Renderer entry: theme and shell styles, the widget kit's styles, i18n, main's notices, the window layout kept by main, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n';
import { initTheme } from './lib/theme';
import { loadLayout } from './state/layout-store';
import { captureNotices } from './state/notice-store';
import './styles/theme.css';
import './styles/shell.css';
import './ui/ui.css';

initTheme();
initI18n();
// Notices main sends while the page is starting (a refused deep link) wait for the shell.
captureNotices();
// The sidebar and columns open at their remembered widths, not at the defaults and then jump.
void loadLayout().then(() => createRoot(document.getElementById('root')!).render(<App />));
