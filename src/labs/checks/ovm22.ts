// Checks over OVM 2.2 repositories as repos.py keeps them: registered in /etc/ovs/repositories
// on every server, the cluster root, and /OVS pointing at it.
import { resolveBlockDevice } from '../../sim/storage/san/block-devices';
import { readRepos } from '../../sim/storage/agent/repository-ovm22';
import { resolveLun } from './storage';
import { bool, defineCheck, failWith, pass, type JsonSchema } from '../check-kit';

const lunArg: JsonSchema = { type: ['string', 'integer'], pattern: '\\S' };

const ovm22Repository = defineCheck<{ lun: string | number; root?: boolean }>({
  summary: 'OVM 2.2: every server\'s repos.py list (/etc/ovs/repositories) has a repository on the LUN (whole or a partition); with `root: true` it is the cluster root.',
  args: { lun: lunArg, root: bool },
  required: ['lun'],
  run({ world }, a) {
    const ref = resolveLun(world, a.lun);
    if (!ref) return failWith(`no LUN ${a.lun}`);
    for (const h of Object.values(world.hosts).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const r = readRepos(world, h);
      const repo = r.repos.find((x) => {
        const dev = x.source.includes(':') ? null : resolveBlockDevice(world, h.name, x.source);
        return dev?.lun?.array === ref.array && dev.lun.alu === ref.alu;
      });
      if (!repo) return failWith(`${h.name}: no repository on that LUN in ${'/etc/ovs/repositories'}`);
      if (a.root && r.root !== repo.uuid) return failWith(`${h.name}: it is not the cluster root`);
    }
    return pass();
  },
});

export const ovm22Checks = {
  ovm22_repository: ovm22Repository,
};
