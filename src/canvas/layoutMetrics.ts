/** Sizes of canvas elements, in flow pixels. Fixed sizes let React Flow skip measuring. */
export const SIZE = {
  pod: { width: 228, height: 84 },
  /** An endpoint EndpointSlices list with no pod in the cluster behind it: a pod's footprint. */
  endpoint: { width: 228, height: 84 },
  /** A Service only its EndpointSlices name (not in the manifests). */
  sliceService: { height: 150 },
  /** height: the card without address groups; each group of addresses adds perGroup. */
  service: { width: 300, height: 104, perGroup: 42 },
  worker: { width: 256, minHeight: 220, header: 128, podGap: 10, padding: 14 },
  loadBalancer: { width: 240, height: 104 },
  client: { width: 264, height: 80 },
  ingress: { width: 300, headerHeight: 76, perRule: 20 },
  cluster: { padding: 24, header: 52, bandGap: 44, gap: 28, minWidth: 720 },
} as const;

/**
 * Semantic zoom. Card details are set at 12 px or more, so at this zoom and above they are at least
 * 11 px on screen. Below it the canvas carries `.zoomed-out`: cards drop their details and show
 * their name (26 px, canvas.css) and the address they are about (`KeyAddress`, 26 px), readable
 * down to a zoom of about 0.42 (11 px) — which a catalog scenario's default view stays above, on a
 * laptop screen and in an 800×560 docs embed (e2e/textsize.spec.ts measures it).
 */
export const FAR_ZOOM = 0.92;

/**
 * The smallest zoom at which every text a zoomed-out canvas shows is at least 11 px on screen: the
 * smallest there are the near-miss labels on edges (20 px), beside the kube-system toggle (22 px)
 * and the names (26 px). The view fitted to a playing request's path never goes below it.
 */
export const READABLE_ZOOM = 0.56;

/** Where the cluster box starts; external elements sit to its left, outside the boundary. */
export const CLUSTER_ORIGIN = { x: 340, y: 0 } as const;
