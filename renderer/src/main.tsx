import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import 'antd/dist/antd.css';
import { currentLanguage } from '@renderer/i18n/i18n';
import { App } from '@renderer/app/App';
import { AREAS, areaForPath } from '@renderer/app/areas';
import { pagesPreloaded, preloadPage, preloadWhenIdle } from '@renderer/app/lazyPage';
import { openAppDatabase } from '@renderer/db/DatabaseGate';

// The database opens while the first frame is drawn; the gate in the shell waits for it. A
// failure is shown by the gate, with the details.
openAppDatabase(currentLanguage()).catch(() => undefined);
// The area the address points to (or the start page) loads in the same window of time.
const startArea = areaForPath(window.location.hash.replace(/^#/, '')) ?? AREAS[0];
if (startArea) preloadPage(startArea.element);
// The other areas' code follows in idle time once the start page is in, so a first visit to any
// of them opens without a spinner.
void Promise.all([openAppDatabase(currentLanguage()), pagesPreloaded()])
  .then(() => preloadWhenIdle(AREAS.map((area) => area.element)))
  .catch(() => undefined);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
