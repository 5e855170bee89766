// `ping` (iputils s20071127) as a program: one echo request per tick of the simulation clock,
// replies from hosts that are up, "Destination Host Unreachable" from those that are down,
// statistics at the end (after -c COUNT, or on Ctrl-C).
import { hash32 } from '../sim/processes';
import type { Program, ProgramFactory } from './program';

export interface PingTarget {
  /** As shown in `PING name (ip)`: the canonical name, or the address typed. */
  display: string;
  ip: string;
  /** Replies name the host like this (`ovs02.example.com (10.10.10.12)`, or just the address). */
  from: string;
  /** Whether the target answers right now (asked at each request). */
  up: () => boolean;
  /** The local address, for unreachable reports. */
  localIp: string;
  /** Same host: loopback times. */
  local: boolean;
}

export function pingProgram(t: PingTarget, count: number | null, intervalS: number): ProgramFactory {
  return (host) => {
    const out = (s: string) => host.write(s.replace(/\n/g, '\r\n'));
    const startMs = host.sim.world.clockMs;
    let seq = 0;
    let received = 0;
    let errors = 0;
    let nextAt = startMs;
    let done = false;
    const times: number[] = [];
    const rtt = (n: number) => {
      const base = t.local ? 0.03 : 0.14;
      return base + (hash32(`${t.ip}:${startMs}:${n}`) % (t.local ? 30 : 90)) / 1000;
    };
    const send = () => {
      seq++;
      if (t.up()) {
        const ms = rtt(seq);
        times.push(ms);
        received++;
        out(`64 bytes from ${t.from}: icmp_seq=${seq} ttl=64 time=${ms < 1 ? ms.toFixed(3) : ms.toFixed(2)} ms\n`);
      } else if (seq % 3 === 0 || (count !== null && seq === count)) {
        // ARP gives up after three tries: the reports come in threes.
        for (let k = seq - ((seq - 1) % 3); k <= seq; k++) out(`From ${t.localIp} icmp_seq=${k} Destination Host Unreachable\n`);
        errors += seq - (seq - ((seq - 1) % 3)) + 1;
      }
    };
    const stats = (interrupted: boolean) => {
      const elapsed = Math.max(0, (host.sim.world.clockMs - startMs) / 1000) || (seq - 1) * intervalS;
      const timeMs = Math.round(elapsed * 1000) + (seq > 1 ? 2 : 0);
      let s = `${interrupted ? '^C\n' : ''}\n--- ${t.display} ping statistics ---\n`;
      const loss = seq ? Math.round(((seq - received) * 100) / seq) : 0;
      s += `${seq} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}${loss}% packet loss, time ${timeMs}ms\n`;
      if (times.length) {
        const min = Math.min(...times);
        const max = Math.max(...times);
        const avg = times.reduce((a, b) => a + b, 0) / times.length;
        const mdev = Math.sqrt(times.reduce((a, b) => a + b * b, 0) / times.length - avg * avg);
        s += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
      }
      out(s);
    };
    const finish = (interrupted: boolean) => {
      if (done) return;
      done = true;
      stats(interrupted);
      host.exit(received ? 0 : 1);
    };
    out(`PING ${t.display} (${t.ip}) 56(84) bytes of data.\n`);
    send();
    nextAt = startMs + intervalS * 1000;
    // Never exit inside the factory: the session installs the program after it returns.
    const program: Program = {
      signalsOnly: true,
      onInput(data) {
        if (data.includes('\x03')) finish(true);
      },
      onTick() {
        if (done) return;
        if (count !== null && seq >= count && received === seq) return finish(false);
        while (!done && host.sim.world.clockMs >= nextAt) {
          if (count !== null && seq >= count) return finish(false);
          send();
          nextAt += intervalS * 1000;
        }
        // The last reply is followed by the statistics right away when the count is reached.
        if (count !== null && seq >= count && !done) {
          if (received === seq || host.sim.world.clockMs >= nextAt - intervalS * 1000) finish(false);
        }
      },
    };
    return program;
  };
}
