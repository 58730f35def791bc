import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/print.css';
import './app/calendar.css';
import bridge from '@bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './app/api';
import { App } from './app/App';
import { createI18n } from './app/i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App api={createApi(bridge)} i18n={createI18n()} />
  </StrictMode>,
);
