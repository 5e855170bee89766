// The console of a guest virt-install started (`virsh console` right after the install starts,
// `xm console` later): the OS installer's first text-mode screen. [INFERRED] layout: anaconda's
// loader dialog drawn in plain ASCII; the guest OS is not simulated, the screen never advances.
import type { ProgramFactory } from '../../../programs/program';

const ESCAPE = '\x1d';

/** The installer's screen as the console shows it (CR LF line ends). */
export function installerScreen(): string {
  const w = 47;
  const row = (s = '') => `           |${s.padEnd(w)}|`;
  return [
    'Welcome to Enterprise Linux Server',
    '',
    `           +${'-'.repeat(13)}+ Choose a Language +${'-'.repeat(13)}+`,
    row(),
    row(' What language would you like to use during'),
    row(' the installation process?'),
    row(),
    row('                   English'),
    row(),
    row('                    +----+'),
    row('                    | OK |'),
    row('                    +----+'),
    row(),
    `           +${'-'.repeat(w)}+`,
    '',
    '  <Tab>/<Alt-Tab> between elements  | <Space> selects | <F12> next screen',
  ].join('\r\n');
}

export const STILL_IN_PROGRESS = 'Domain installation still in progress. You can reconnect to \nthe console to complete the installation process.\n';
const NOT_SUCCESSFUL = (name: string) =>
  `Domain installation does not appear to have been\n successful.  If it was, you can restart your domain\n by running 'virsh start ${name}'; otherwise, please\n restart your installation.\n`;

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

/**
 * virt-install's text console (txt_console runs `virsh console`), then what virt-install says
 * when it returns: Ctrl-] leaves a running install; a domain that went away did not install.
 */
export function virtInstallConsole(name: string): ProgramFactory {
  return (host) => {
    const dom = () => host.sim.world.domains[name];
    const startId = dom()?.domid ?? null;
    let finished = false;
    const end = (text: string) => {
      if (finished) return;
      finished = true;
      host.write(crlf(text));
      host.exit(0);
    };
    host.write(`Connected to domain ${name}\r\nEscape character is ^]\r\n${installerScreen()}`);
    return {
      onInput(data) {
        if (data.includes(ESCAPE)) end(`\n${STILL_IN_PROGRESS}`);
      },
      onTick() {
        const d = dom();
        if (!d || d.domid === null || d.domid !== startId) end(`\n${NOT_SUCCESSFUL(name)}`);
      },
    };
  };
}
