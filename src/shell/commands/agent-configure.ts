// `service ovs-agent configure`: the agent's configuration dialogue (password twice, the SSL
// choice), then the agent restarted with them. The wording is [INFERRED]: the reports name the
// command and what it sets (seeds 001, 003), not its screens. Changes go through sim/agent-password.
import { agentSsl, setAgentPassword, setAgentSsl } from '../../sim/agent-password';
import { runService } from '../../sim/services';
import type { CommandContext, CommandOutcome } from '../types';
import { dialogue, type DialogueStep } from './dialogue';

const ASK1 = { prompt: 'Please enter the Oracle VM Agent password: ', secret: true };
const ASK2 = { prompt: 'Please re-enter the Oracle VM Agent password: ', secret: true };

export function agentConfigure(ctx: CommandContext): CommandOutcome {
  const sslNow = agentSsl(ctx.world, ctx.host);
  const askSsl = { prompt: `Enable SSL for the agent's XML-RPC server? [${sslNow ? 'Y/n' : 'y/N'}]: ` };
  return dialogue((answers): DialogueStep => {
    // Walk the answers: pairs of passwords until two match, then the SSL answer. Only what the
    // latest answer provokes is said now (earlier complaints were printed when they happened).
    const last = answers.length - 1;
    let i = 0;
    let say = '';
    let password: string | null = null;
    while (password === null) {
      const a = answers[i];
      const b = answers[i + 1];
      if (a === null || b === null) return { say: 'Aborted: the agent configuration is unchanged.\n', exitCode: 1 };
      if (a === undefined) return { say, ask: ASK1 };
      if (a === '') {
        if (i === last) say = 'The password must not be empty.\n';
        i += 1;
        continue;
      }
      if (b === undefined) return { say, ask: ASK2 };
      if (a !== b) {
        if (i + 1 === last) say = 'The passwords do not match, please try again.\n';
      } else password = a;
      i += 2;
    }
    const s = answers[i];
    if (s === undefined) return { say, ask: askSsl };
    if (s === null) return { say: 'Aborted: the agent configuration is unchanged.\n', exitCode: 1 };
    const t = s.trim().toLowerCase();
    const ssl = t === '' ? sslNow : t.startsWith('y');
    setAgentPassword(ctx.world, ctx.host, password);
    setAgentSsl(ctx.world, ctx.host, ssl);
    const restart = runService({ world: ctx.world, host: ctx.host }, 'ovs-agent', 'restart');
    return { say: `Oracle VM Agent password changed.\nSSL ${ssl ? 'enabled' : 'disabled'}.\n${restart.stdout}`, exitCode: restart.exitCode };
  }, ctx.stdin, 'Oracle VM Agent configuration\n\n');
}
