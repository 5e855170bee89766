// `multipathd show config` / `multipath -t`: multipath.conf sections as 0.4.9's print.c writes
// them (tab-indented `keyword value`, strings quoted), merging the file with compiled-in values.
import type { MultipathConfig, Section } from '../storage/multipath/multipath-conf';

const QUOTED = new Set(['path_selector', 'selector', 'getuid_callout', 'features', 'devnode', 'vendor', 'product', 'product_blacklist', 'hardware_handler', 'prio_callout', 'alias', 'revision', 'prio_args']);

function kv(key: string, value: string, indent: string): string {
  return `${indent}${key} ${QUOTED.has(key) ? `"${value}"` : value}\n`;
}

/** `device {` … `}` (or any named block) at an indent. */
export function renderSection(name: string, s: Section, indent: string): string {
  return `${indent}${name} {\n` + Object.entries(s).map(([k, v]) => kv(k, v, indent + '\t')).join('') + `${indent}}\n`;
}

/** The compiled-in defaults as `show config` lists them (0.4.9 print order). */
function defaultsOf(cfg: MultipathConfig, ovm22: boolean): Section {
  const d = cfg.defaults;
  const out: Section = {
    verbosity: d['verbosity'] ?? '2',
    polling_interval: d['polling_interval'] ?? '5',
    udev_dir: d['udev_dir'] ?? '/dev',
    multipath_dir: d['multipath_dir'] ?? '/lib64/multipath',
    path_selector: d['path_selector'] ?? d['selector'] ?? 'round-robin 0',
    path_grouping_policy: d['path_grouping_policy'] ?? 'failover',
    getuid_callout: d['getuid_callout'] ?? (ovm22 ? '/sbin/scsi_id -g -u -s /block/%n' : '/lib/udev/scsi_id --whitelisted --device=/dev/%n'),
    prio: d['prio'] ?? 'const',
    features: d['features'] ?? '0',
    path_checker: d['path_checker'] ?? d['checker'] ?? 'directio',
    failback: d['failback'] ?? 'manual',
    rr_min_io: d['rr_min_io'] ?? '1000',
    rr_weight: d['rr_weight'] ?? 'uniform',
  };
  if (d['no_path_retry']) out['no_path_retry'] = d['no_path_retry'];
  out['user_friendly_names'] = d['user_friendly_names'] ?? 'no';
  out['flush_on_last_del'] = d['flush_on_last_del'] ?? 'no';
  out['max_fds'] = d['max_fds'] ?? 'max';
  out['queue_without_daemon'] = d['queue_without_daemon'] ?? 'yes';
  for (const [k, v] of Object.entries(d)) if (!(k in out) && k !== 'selector' && k !== 'checker') out[k] = v;
  return out;
}

const BUILTIN_BLACKLIST = ['^(ram|raw|loop|fd|md|dm-|sr|scd|st)[0-9]*', '^hd[a-z]', '^dcssblk[0-9]*'];

export function renderConfig(cfg: MultipathConfig, hwtable: readonly Section[], ovm22: boolean): string {
  let out = renderSection('defaults', defaultsOf(cfg, ovm22), '');
  const bl = cfg.blacklist;
  out += 'blacklist {\n';
  for (const w of bl.wwid) out += kv('wwid', w, '\t');
  for (const d of [...new Set([...bl.devnode, ...BUILTIN_BLACKLIST])]) out += kv('devnode', d, '\t');
  for (const d of bl.device) out += renderSection('device', d, '\t');
  out += '}\n';
  const ex = cfg.blacklistExceptions;
  out += 'blacklist_exceptions {\n';
  for (const w of ex.wwid) out += kv('wwid', w, '\t');
  for (const d of ex.devnode) out += kv('devnode', d, '\t');
  for (const d of ex.device) out += renderSection('device', d, '\t');
  out += '}\n';
  out += 'devices {\n' + [...hwtable, ...cfg.devices].map((d) => renderSection('device', d, '\t')).join('') + '}\n';
  out += 'multipaths {\n' + cfg.multipaths.map((m) => renderSection('multipath', m, '\t')).join('') + '}\n';
  return out;
}
