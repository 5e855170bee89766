// The lab editor's first text: the smallest complete lab (one objective, two hints, a solution),
// which passes "Test this lab" as it is.
export const STARTER = `title: Pause a guest
summary: Pause one guest on ovs01 and leave the others running.
module: A
level: beginner
minutes: 10
scenario:
  base: pool-34
  overrides:
    domains:
      - { simple: "{{vm}}", id: "0004fb0000060000{{vm_hex}}", host: ovs01, state: running, memory: 1024, vcpus: 1 }
variables:
  vm: { pick: [sv301, sv302, sv303] }
  vm_hex: { hex: 16 }
briefing: |
  The guest **{{vm}}** on ovs01 is about to be backed up at the storage level. Freeze it first:
  pause it, without shutting it down.
debrief: |
  \`xm pause\` stops scheduling a guest's vCPUs; its memory stays allocated. \`xm unpause\` resumes it.
objectives:
  - id: paused
    text: "{{vm}} is paused"
    points: 10
    check: { domain_state: { domain: "{{vm}}", state: paused } }
    failure: "{{vm}} is not paused."
    hints:
      - "\`xm list\` shows each guest's state; a paused guest has a p in the State column."
      - "\`xm pause\` takes the guest's xm name (the long hex id in the first column)."
solution:
  - host: ovs01
    run:
      - xm list
      - "xm pause 0004fb0000060000{{vm_hex}}"
`;
