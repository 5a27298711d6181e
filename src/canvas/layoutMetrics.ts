/** Sizes of canvas elements, in flow pixels. Fixed sizes let React Flow skip measuring. */
export const SIZE = {
  pod: { width: 228, height: 84 },
  /** height: the card without address groups; each group of addresses adds perGroup. */
  service: { width: 300, height: 104, perGroup: 42 },
  worker: { width: 256, minHeight: 220, header: 128, podGap: 10, padding: 14 },
  loadBalancer: { width: 240, height: 104 },
  client: { width: 200, height: 80 },
  ingress: { width: 280, headerHeight: 76, perRule: 20 },
  cluster: { padding: 24, header: 52, bandGap: 56, gap: 28, minWidth: 720 },
} as const;

/**
 * Below this zoom, 12 px text is under 6 px on screen: cards show their name only, larger (the
 * `.zoomed-out` rules in app/index.css). A small embed of the default scenario opens at ≈ 0.35 and
 * reads better so (compared in screenshots: the details there were unreadable noise).
 */
export const FAR_ZOOM = 0.45;

/** Where the cluster box starts; external elements sit to its left, outside the boundary. */
export const CLUSTER_ORIGIN = { x: 340, y: 0 } as const;
