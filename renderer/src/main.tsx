import { present } from '../../shared/narrow.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { setLanguage } from './i18n.ts';
import { App } from './App.tsx';
import { connect, onOfficeServer, TOKEN_REFUSED } from './api.ts';
import { browserLanguage, NoAccess } from './NoAccess.tsx';
import './styles.css';

const client = new QueryClient({
  // On the office server, lists another user may have changed are read again when the window
  // regains focus (a colleague's edit shows when you come back to the app); on one's own file nothing else writes.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: () => onOfficeServer(), staleTime: 5_000 } },
});

// The page always has its root element (index.html).
const root = createRoot(present(document.getElementById('root'), "index.html's root element"));
const showNoAccess = () => {
  setLanguage(browserLanguage());
  root.render(<NoAccess />);
};

void connect().then((state) => {
  if (state === 'none') return showNoAccess();
  if (state !== 'ready') return;
  window.addEventListener(TOKEN_REFUSED, showNoAccess, { once: true });
  // A data router (one route; App has the screens' routes), since only it can hold a navigation
  // while a form with unsaved work asks whether to leave (useBlocker).
  const router = createHashRouter([{ path: '*', element: <App /> }]);
  root.render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
