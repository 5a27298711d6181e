import { useRef } from 'react';
import { KUBERNETES_RELEASE } from '../model/version';
import { secondaryButton } from './controls';
import { useHeaderMenu } from './headerMenu';
import { ModalDialog } from './ModalDialog';

/** What the app's answers are true of: the release, the proxy mode, and the choices a cluster makes. */
export function AboutButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  // From the folded header menu, closing the dialog folds the menu and focuses its toggle.
  const menu = useHeaderMenu();
  return (
    <>
      <button type="button" className={secondaryButton} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        About
      </button>
      <ModalDialog
        dialogRef={dialog}
        heading="About Service Explainer"
        intro={`Every address, rule, DNS answer and verdict here is what Kubernetes ${KUBERNETES_RELEASE} does, under the conditions below.`}
        closeLabel="Close"
        onClose={() => menu?.close(true)}
        width="36rem"
      >
        <div className="space-y-2 overflow-auto px-5 py-3 text-sm">
          <p>
            <span className="font-semibold">Kubernetes {KUBERNETES_RELEASE}.</span> The API server&apos;s defaults and validation,
            the EndpointSlice controller, kubectl&apos;s printers and CoreDNS&apos;s <code>kubernetes</code> plugin, each checked
            against that release&apos;s sources.
          </p>
          <p>
            <span className="font-semibold">kube-proxy in iptables mode</span>, the default on Linux. Where nftables or IPVS
            mode would behave differently, the explanation says so.
          </p>
          <p>
            <span className="font-semibold">Your cluster&apos;s choices</span>, in the cluster settings (select the cluster
            box): cloud or bare metal, public or private nodes, how the cloud&apos;s load balancer reaches the Service
            (NodeIP:nodePort, the LB IP kept, or pod IPs), and whether nodes masquerade pod traffic that leaves the cluster.
          </p>
          <p className="text-slate-600 dark:text-slate-400">
            Not modelled: IPv6 and dual-stack, NetworkPolicy, topology-aware routing, hostPort and hostNetwork pods, and
            network plugins that replace kube-proxy.
          </p>
        </div>
      </ModalDialog>
    </>
  );
}
