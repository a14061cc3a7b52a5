import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// Facebook appends `#_=_` to the address it redirects to after a sign-in: not a route of ours.
if (window.location.hash === '#_=_') window.history.replaceState(null, '', window.location.pathname + window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
