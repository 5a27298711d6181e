/** Placeholder until the iptables panel lands. */
export default function IptablesPanel() {
  return <p className="p-4 text-sm">iptables views are coming.</p>;
}
