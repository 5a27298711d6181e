import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

/** Margin around the diagram in an exported image, in diagram pixels. */
const IMAGE_MARGIN = 32;
/** Largest side of an exported image before the diagram is scaled down (canvas size limits). */
const MAX_IMAGE_SIDE = 8000;
/** SVG paint that comes from stylesheets (React Flow's edge colours) and must be inline to survive. */
const SVG_PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'fill', 'fill-opacity', 'opacity', 'display'];

/**
 * html-to-image copies computed styles onto HTML elements but clones an `<svg>` as it is, so an edge
 * coloured by a stylesheet (`.react-flow__edge-path { stroke: var(--xy-edge-stroke…) }`) would come
 * out unpainted. Writes the computed paint of every element inside the SVGs onto its inline style for
 * the export, and returns the function that puts the original `style` attributes back.
 */
function inlineSvgPaint(root: Element): () => void {
  // Through the CSSOM (style.cssText), never setAttribute('style'): a CSP without 'unsafe-inline'
  // styles blocks style attributes written as text, and not the CSSOM.
  const saved: [SVGElement, string | null][] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    saved.push([el, el.hasAttribute('style') ? el.style.cssText : null]);
    const computed = getComputedStyle(el);
    for (const name of SVG_PAINT) el.style.setProperty(name, computed.getPropertyValue(name));
  }
  return () => {
    for (const [el, style] of saved) {
      el.style.cssText = style ?? '';
      if (style === null) el.removeAttribute('style');
    }
  };
}

/**
 * What to say when the browser refused to draw the image. html-to-image paints the diagram by
 * loading an SVG of it as a `data:` image (then onto a canvas); a page whose Content-Security-Policy
 * leaves `data:` out of `img-src` blocks that load, and the library rejects with a bare Event.
 */
export const PNG_BLOCKED_TEXT = 'The PNG could not be drawn: this page’s Content-Security-Policy must allow img-src data: for it. Export SVG works without it.';

/** The SVG text of html-to-image's `data:image/svg+xml;charset=utf-8,…` URL, as a file (no data: URL to load or navigate to). */
function svgBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  return new Blob([decodeURIComponent(dataUrl.slice(comma + 1))], { type: 'image/svg+xml' });
}

/**
 * The whole diagram as a PNG or SVG file, after React Flow's "download image" example: the
 * `.react-flow__viewport` element rendered with a transform that frames every node. The image
 * library is loaded here, on demand, never with the first screen. The result is a Blob (saved
 * through a blob: URL), never a data: URL, so downloading it needs no CSP allowance.
 */
export async function exportImage(flowElement: HTMLElement, nodes: Node[], format: 'png' | 'svg'): Promise<Blob> {
  const { toBlob, toSvg } = await import('html-to-image');
  const viewportEl = flowElement.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportEl || nodes.length === 0) throw new Error('There is nothing on the canvas to export.');
  const bounds = getNodesBounds(nodes);
  const scale = Math.min(1, MAX_IMAGE_SIDE / (bounds.width + 2 * IMAGE_MARGIN), MAX_IMAGE_SIDE / (bounds.height + 2 * IMAGE_MARGIN));
  const width = Math.ceil((bounds.width + 2 * IMAGE_MARGIN) * scale);
  const height = Math.ceil((bounds.height + 2 * IMAGE_MARGIN) * scale);
  const viewport = getViewportForBounds(bounds, width, height, scale, scale, `${IMAGE_MARGIN * scale}px` as const);
  const options = {
    backgroundColor: getComputedStyle(flowElement).backgroundColor || '#ffffff',
    width,
    height,
    skipFonts: true, // system fonts only: nothing to embed, nothing to fetch
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
  };
  const restore = inlineSvgPaint(viewportEl);
  try {
    if (format === 'svg') return svgBlob(await toSvg(viewportEl, options));
    const png = await toBlob(viewportEl, { ...options, pixelRatio: 2 }).catch((e: unknown) => {
      throw e instanceof Error ? e : new Error(PNG_BLOCKED_TEXT);
    });
    if (!png) throw new Error(PNG_BLOCKED_TEXT);
    return png;
  } finally {
    restore();
  }
}
