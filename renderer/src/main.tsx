import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import 'antd/dist/antd.css';
import { currentLanguage } from '@renderer/i18n/i18n';
import { App } from '@renderer/app/App';
import { AREAS, areaForPath } from '@renderer/app/areas';
import {
  pagesPreloaded,
  preloadPage,
  preloadWhenIdle,
  whenStartPageShown,
} from '@renderer/app/lazyPage';
import { openAppDatabase } from '@renderer/db/DatabaseGate';

// The database opens while the first frame is drawn; the gate in the shell waits for it. A
// failure is shown by the gate, with the details. The area the address points to (or the start
// page) loads in the same window of time, and starts reading its first screen's data as soon as
// the database is open (not for a page inside it, such as a deal under the portfolio's path).
const startPath = window.location.hash.replace(/^#/, '');
const startArea = areaForPath(startPath) ?? AREAS[0];
const onStartArea = startArea !== undefined && ['', '/', startArea.path].includes(startPath);
openAppDatabase(currentLanguage())
  .then((db) => {
    if (onStartArea) startArea.prepare?.(db);
  })
  .catch(() => undefined);
if (startArea) preloadPage(startArea.element);
// The other areas' code follows in idle time once the start page is shown, so a first visit to
// any of them opens without a spinner (and compiling it never delays the start page's content).
void Promise.all([openAppDatabase(currentLanguage()), pagesPreloaded(), whenStartPageShown()])
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
