// The /etc/multipath.conf each release's dom0 is installed with, set up for the CLARiiON
// CX4 of the default world (seed 003): OVM 3.4 keeps WWID names (user_friendly_names no, as
// Oracle requires) and runs the CX4 in ALUA mode; OVM 2.2 uses mpathN names and the EMC handler.
import type { Release } from '../../types';

export function defaultMultipathConf(release: Release, localWwids: readonly string[]): string {
  const bl = localWwids.map((w) => `        wwid ${w}\n`).join('');
  if (release === 'ovm22') {
    return `# This is the multipath.conf of an Oracle VM Server 2.2 dom0.
# See /usr/share/doc/device-mapper-multipath-0.4.7/multipath.conf.annotated
# for all keywords and their defaults.

defaults {
        user_friendly_names yes
        polling_interval 5
}

blacklist {
        devnode "^(ram|raw|loop|fd|md|dm-|sr|scd|st)[0-9]*"
        devnode "^hd[a-z]"
        devnode "^cciss!c[0-9]d[0-9]*"
${bl}}

devices {
        # EMC CLARiiON CX4 (failover mode 1, PNR)
        device {
                vendor "DGC"
                product ".*"
                product_blacklist "LUNZ"
                prio_callout "/sbin/mpath_prio_emc /dev/%n"
                path_grouping_policy group_by_prio
                path_checker emc_clariion
                features "1 queue_if_no_path"
                hardware_handler "1 emc"
                failback immediate
                no_path_retry 60
        }
}
`;
  }
  return `## Oracle VM Server 3.4: device-mapper multipath configuration.
## Oracle VM requires user_friendly_names no: devices are named by their WWID.
## After editing, apply with: multipathd -k"reconfigure"

defaults {
        user_friendly_names no
        getuid_callout "/lib/udev/scsi_id --whitelisted --replace-whitespace --device=/dev/%n"
        polling_interval 5
}

blacklist {
        devnode "^(ram|raw|loop|fd|md|dm-|sr|scd|st|nbd)[0-9]*"
        devnode "^hd[a-z]"
        devnode "^etherd"
        devnode "^cciss!c[0-9]d[0-9]*"
${bl}}

devices {
        # EMC CLARiiON CX4, failover mode 4 (ALUA)
        device {
                vendor "DGC"
                product ".*"
                product_blacklist "LUNZ"
                path_grouping_policy group_by_prio
                path_selector "round-robin 0"
                path_checker tur
                features "1 queue_if_no_path"
                hardware_handler "1 alua"
                prio alua
                failback immediate
                rr_weight uniform
                rr_min_io 1000
                no_path_retry 12
        }
}
`;
}
