/** Renderer entry: theme and shell styles, the widget kit's styles, i18n, the window layout kept by main, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n';
import { initTheme } from './lib/theme';
import { loadLayout } from './state/layout-store';
import './styles/theme.css';
import './styles/shell.css';
import './ui/ui.css';

initTheme();
initI18n();
// The sidebar and columns open at their remembered widths, not at the defaults and then jump.
void loadLayout().then(() => createRoot(document.getElementById('root')!).render(<App />));
