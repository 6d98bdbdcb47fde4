import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { parseRoute } from './app/route.ts';
import { startViewerEarly } from './viewer/lazy/lazy-viewer.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/viewer.css';
import './styles/measurements.css';
import './styles/evaluation.css';
import './styles/second-opinion.css';
import './styles/pacs.css';

const opening = parseRoute(window.location.hash);
if (opening.page === 'viewer') startViewerEarly(opening.id);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
