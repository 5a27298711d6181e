/** Placeholder until the kubectl panel lands. */
export default function KubectlPanel() {
  return <p className="p-4 text-sm">kubectl views are coming.</p>;
}
