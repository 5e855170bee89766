// `multipathd -k`: the interactive client (readline prompt `multipathd> `). Each line goes to
// the daemon's CLI and its reply is printed; `quit`/`exit` or Ctrl-D leave, Ctrl-C kills it.
import { runCli } from '../sim/storage/multipath/multipathd-cli';
import type { Program, ProgramFactory } from './program';
import { LineInput } from './line-input';

export function multipathdCli(): ProgramFactory {
  return (host): Program => {
    const history: string[] = [];
    const io: LineInput = new LineInput(
      host,
      {
        line(text) {
          if (text.trim()) history.push(text);
          const r = runCli(host.sim.world, host.hostName, text);
          if (r.quit) {
            io.active = false;
            host.exit(0);
            return;
          }
          io.write(r.reply);
          io.prompt('multipathd> ');
        },
        eof() {
          io.active = false;
          io.write('\n');
          host.exit(0);
        },
        interrupt() {
          io.active = false;
          host.exit(130);
        },
      },
      history,
    );
    io.prompt('multipathd> ');
    return { onInput: (d) => io.input(d) };
  };
}
