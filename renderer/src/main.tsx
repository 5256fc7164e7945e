import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { currentLanguage } from '@renderer/i18n/i18n';
import { App } from '@renderer/app/App';
import { openAppDatabase } from '@renderer/db/DatabaseGate';

// The database opens while the first frame is drawn; the gate in the shell waits for it. A
// failure is shown by the gate, with the details.
openAppDatabase(currentLanguage()).catch(() => undefined);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
