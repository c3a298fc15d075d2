/**
 * The baseline of `npm run bench:start`: an empty React page (React, React
 * DOM, one list with one button), built with the same Vite config as Pacto's
 * renderer. Its "home list" is the one item, marked like Pacto's cards.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ul>
      <li data-testid="workshop-card">
        <button type="button">Empty</button>
      </li>
    </ul>
  </StrictMode>,
);
