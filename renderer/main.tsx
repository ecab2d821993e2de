/** Renderer entry: theme and shell styles, i18n, then the app. */
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n';
import './styles/theme.css';
import './styles/shell.css';

initI18n();
createRoot(document.getElementById('root')!).render(<App />);
