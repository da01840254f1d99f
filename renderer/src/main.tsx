import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, RouterProvider } from 'react-router';
import { setLanguage } from './i18n.ts';
import { App } from './App.tsx';
import { hasAccess, TOKEN_REFUSED } from './api.ts';
import { browserLanguage, NoAccess } from './NoAccess.tsx';
import './styles.css';

const client = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

// The page always has its root element (index.html).
const root = createRoot(document.getElementById('root')!);
const showNoAccess = () => {
  setLanguage(browserLanguage());
  root.render(<NoAccess />);
};

if (!hasAccess()) showNoAccess();
else {
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
}
