/** Renderer entry: theme and shell styles, the widget kit's styles, i18n, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n';
import { initTheme } from './lib/theme';
import './styles/theme.css';
import './styles/shell.css';
import './ui/ui.css';

initTheme();
initI18n();
createRoot(document.getElementById('root')!).render(<App />);
