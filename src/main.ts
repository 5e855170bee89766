// The page's entry. On a first visit to the sandbox the terminal and its first screen are drawn
// before anything else (ui/terminal/early-terminal.ts); the app (app.ts) is loaded after that frame,
// and at once everywhere else.
import './ui/global.css';
import { openEarlyTerminal } from './ui/terminal/early-terminal';

void openEarlyTerminal()
  .catch(() => undefined) // whatever failed there, the app draws its own terminal
  .then(() => import('./app'));
