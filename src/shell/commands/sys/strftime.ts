// GNU date's conversion specifiers over a UTC Date (the sandbox's hosts run on UTC), used by
// `date`, `uptime` and `ps`. Pure; unknown specifiers are printed as typed, as date does.
import { DAY_NAMES, DAYS, MONTH_NAMES, MONTHS, two } from '../../../lib/calendar';

export function strftime(d: Date, fmt: string, tz = 'UTC'): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const s = fmt[++i]!;
    const h = d.getUTCHours();
    const start = Date.UTC(d.getUTCFullYear(), 0, 1);
    const yday = Math.floor((d.getTime() - start) / 86_400_000) + 1;
    switch (s) {
      case 'a': out += DAYS[d.getUTCDay()]; break;
      case 'A': out += DAY_NAMES[d.getUTCDay()]; break;
      case 'b': case 'h': out += MONTHS[d.getUTCMonth()]; break;
      case 'B': out += MONTH_NAMES[d.getUTCMonth()]; break;
      case 'c': out += strftime(d, '%a %d %b %Y %r %Z', tz); break;
      case 'C': out += two(Math.floor(d.getUTCFullYear() / 100)); break;
      case 'd': out += two(d.getUTCDate()); break;
      case 'D': out += strftime(d, '%m/%d/%y', tz); break;
      case 'e': out += String(d.getUTCDate()).padStart(2); break;
      case 'F': out += strftime(d, '%Y-%m-%d', tz); break;
      case 'H': out += two(h); break;
      case 'I': out += two(h % 12 || 12); break;
      case 'j': out += String(yday).padStart(3, '0'); break;
      case 'k': out += String(h).padStart(2); break;
      case 'l': out += String(h % 12 || 12).padStart(2); break;
      case 'm': out += two(d.getUTCMonth() + 1); break;
      case 'M': out += two(d.getUTCMinutes()); break;
      case 'n': out += '\n'; break;
      case 'N': out += String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0'); break;
      case 'p': out += h < 12 ? 'AM' : 'PM'; break;
      case 'P': out += h < 12 ? 'am' : 'pm'; break;
      case 'r': out += strftime(d, '%I:%M:%S %p', tz); break;
      case 'R': out += strftime(d, '%H:%M', tz); break;
      case 's': out += String(Math.floor(d.getTime() / 1000)); break;
      case 'S': out += two(d.getUTCSeconds()); break;
      case 't': out += '\t'; break;
      case 'T': out += strftime(d, '%H:%M:%S', tz); break;
      case 'u': out += String(d.getUTCDay() || 7); break;
      case 'w': out += String(d.getUTCDay()); break;
      case 'x': out += strftime(d, '%m/%d/%Y', tz); break;
      case 'X': out += strftime(d, '%r', tz); break;
      case 'y': out += two(d.getUTCFullYear() % 100); break;
      case 'Y': out += String(d.getUTCFullYear()); break;
      case 'z': out += '+0000'; break;
      case 'Z': out += tz; break;
      case '%': out += '%'; break;
      default: out += '%' + s;
    }
  }
  return out;
}
