// The page's entry. On a first visit to the sandbox the terminal and its first screen are drawn
// before anything else (ui/terminal/early-terminal.ts); the app (app.ts) is loaded after that frame,
// and at once everywhere else.
import './ui/global.css';
import { openEarlyTerminal } from './ui/terminal/early-terminal';

void openEarlyTerminal()
  .catch(() => undefined) // whatever failed there, the app draws its own terminal
  .then(() => import('./app'))
  .catch(appNotLoaded);

/** The app's own chunk did not arrive (a network gone mid-load): said plainly, with a way to try again. */
function appNotLoaded(): void {
  const note = document.createElement('p');
  note.className = 'app-not-loaded';
  note.setAttribute('role', 'alert');
  note.textContent = 'OVM Sandbox could not be loaded (is the network down?). ';
  const retry = document.createElement('button');
  retry.textContent = 'Reload';
  retry.addEventListener('click', () => location.reload());
  note.append(retry);
  document.body.prepend(note);
}
