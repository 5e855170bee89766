// /etc/multipath.conf: the parser (multipath-tools' parser.c rules: keyword/value lines,
// `section {` … `}`, `#`/`!` comments, "quoted" values), the keyword tables per section, and
// the config as data. Unknown keywords are warned about and skipped, as the real parser does;
// unbalanced braces reject the whole file so that the config in force stays (reconfigure → fail).

export type Section = Record<string, string>;

export interface BlacklistRules {
  wwid: string[];
  devnode: string[];
  device: Section[];
}

export interface MultipathConfig {
  defaults: Section;
  blacklist: BlacklistRules;
  blacklistExceptions: BlacklistRules;
  devices: Section[];
  multipaths: Section[];
}

export type ParseResult =
  | { ok: true; config: MultipathConfig; warnings: string[] }
  | { ok: false; error: string; warnings: string[] };

const DEFAULTS_KW = new Set([
  'udev_dir', 'multipath_dir', 'polling_interval', 'path_selector', 'selector', 'path_grouping_policy', 'getuid_callout',
  'prio', 'prio_callout', 'prio_args', 'features', 'path_checker', 'checker', 'failback', 'rr_min_io', 'rr_min_io_rq',
  'max_fds', 'rr_weight', 'no_path_retry', 'queue_without_daemon', 'pg_timeout', 'flush_on_last_del',
  'user_friendly_names', 'mode', 'uid', 'gid', 'fast_io_fail_tmo', 'dev_loss_tmo', 'verbosity', 'bindings_file',
  'checker_timeout', 'find_multipaths', 'max_polling_interval', 'default_selector', 'default_path_grouping_policy',
  'default_getuid_callout', 'default_prio_callout', 'default_features', 'default_path_checker',
]);
const DEVICE_KW = new Set([
  'vendor', 'product', 'revision', 'product_blacklist', 'path_grouping_policy', 'getuid_callout', 'path_selector',
  'path_checker', 'checker', 'features', 'hardware_handler', 'prio', 'prio_callout', 'prio_args', 'failback',
  'rr_weight', 'no_path_retry', 'rr_min_io', 'rr_min_io_rq', 'pg_timeout', 'flush_on_last_del', 'fast_io_fail_tmo',
  'dev_loss_tmo', 'user_friendly_names',
]);
const MULTIPATH_KW = new Set([
  'wwid', 'alias', 'path_grouping_policy', 'path_selector', 'failback', 'rr_weight', 'no_path_retry', 'rr_min_io',
  'rr_min_io_rq', 'pg_timeout', 'flush_on_last_del', 'mode', 'uid', 'gid', 'prio', 'features',
]);
const BL_KW = new Set(['wwid', 'devnode', 'device']);
const BL_DEVICE_KW = new Set(['vendor', 'product']);

export const emptyConfig = (): MultipathConfig => ({
  defaults: {},
  blacklist: { wwid: [], devnode: [], device: [] },
  blacklistExceptions: { wwid: [], devnode: [], device: [] },
  devices: [],
  multipaths: [],
});

/** Splits one line into words: whitespace-separated, "double quotes" keep spaces. */
function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' || c === '!') break;
    if (c === '"') {
      const end = line.indexOf('"', i + 1);
      out.push(end < 0 ? line.slice(i + 1) : line.slice(i + 1, end));
      i = end < 0 ? line.length : end + 1;
      continue;
    }
    if (c === '{' || c === '}') {
      out.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && !' \t{}"'.includes(line[j]!)) j++;
    out.push(line.slice(i, j));
    i = j;
  }
  return out;
}

type Frame =
  | { kind: 'top' }
  | { kind: 'defaults' }
  | { kind: 'blacklist'; exceptions: boolean }
  | { kind: 'bl-device'; exceptions: boolean; entry: Section }
  | { kind: 'devices' }
  | { kind: 'device'; entry: Section }
  | { kind: 'multipaths' }
  | { kind: 'multipath'; entry: Section };

/** Parses the text of a multipath.conf. Bounded by the text's length. */
export function parseMultipathConf(text: string): ParseResult {
  const config = emptyConfig();
  const warnings: string[] = [];
  const stack: Frame[] = [{ kind: 'top' }];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const w = words(lines[n]!);
    if (!w.length) continue;
    const frame = stack[stack.length - 1]!;
    const kw = w[0]!;
    if (kw === '}') {
      if (stack.length === 1) return { ok: false, error: `multipath.conf line ${lineNo}, unmatched '}'`, warnings };
      stack.pop();
      continue;
    }
    const opens = w[w.length - 1] === '{';
    const value = w.slice(1, opens ? -1 : undefined).join(' ');
    const bad = () => warnings.push(`multipath.conf line ${lineNo}, invalid keyword: ${kw}`);
    switch (frame.kind) {
      case 'top':
        if (kw === 'defaults' && opens) stack.push({ kind: 'defaults' });
        else if (kw === 'blacklist' && opens) stack.push({ kind: 'blacklist', exceptions: false });
        else if (kw === 'blacklist_exceptions' && opens) stack.push({ kind: 'blacklist', exceptions: true });
        else if (kw === 'devices' && opens) stack.push({ kind: 'devices' });
        else if (kw === 'multipaths' && opens) stack.push({ kind: 'multipaths' });
        else if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        else bad();
        break;
      case 'defaults':
        if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        if (DEFAULTS_KW.has(kw)) config.defaults[kw] = value;
        else bad();
        break;
      case 'blacklist': {
        const rules = frame.exceptions ? config.blacklistExceptions : config.blacklist;
        if (kw === 'device' && opens) {
          const entry: Section = {};
          rules.device.push(entry);
          stack.push({ kind: 'bl-device', exceptions: frame.exceptions, entry });
        } else if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        else if (kw === 'wwid') rules.wwid.push(value);
        else if (kw === 'devnode') rules.devnode.push(value);
        else if (!BL_KW.has(kw)) bad();
        break;
      }
      case 'bl-device':
        if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        if (BL_DEVICE_KW.has(kw)) frame.entry[kw] = value;
        else bad();
        break;
      case 'devices':
        if (kw === 'device' && opens) {
          const entry: Section = {};
          config.devices.push(entry);
          stack.push({ kind: 'device', entry });
        } else if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        else bad();
        break;
      case 'device':
        if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        if (DEVICE_KW.has(kw)) frame.entry[kw] = value;
        else bad();
        break;
      case 'multipaths':
        if (kw === 'multipath' && opens) {
          const entry: Section = {};
          config.multipaths.push(entry);
          stack.push({ kind: 'multipath', entry });
        } else if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        else bad();
        break;
      case 'multipath':
        if (opens) return { ok: false, error: `multipath.conf line ${lineNo}, invalid keyword: ${kw}`, warnings };
        if (MULTIPATH_KW.has(kw)) frame.entry[kw] = value;
        else bad();
        break;
    }
  }
  if (stack.length > 1) return { ok: false, error: "missing '}' at end of multipath.conf", warnings };
  return { ok: true, config, warnings };
}
