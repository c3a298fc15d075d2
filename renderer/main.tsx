/** Renderer entry: the database opening, fonts, styles, language, persistent storage, first-run sample, then the app. */
import './data/open-early';
// Each weight's every subset, each face with its unicode-range: a screen loads only the subsets its text
// uses (Latin alone for most workshops; Latin Extended, Vietnamese, Greek or Cyrillic for a name that needs it).
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/400-italic.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/caveat/400.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startApp } from './start';

void startApp().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
