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
  const saved: [Element, string | null][] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    saved.push([el, el.getAttribute('style')]);
    const computed = getComputedStyle(el);
    for (const name of SVG_PAINT) el.style.setProperty(name, computed.getPropertyValue(name));
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

/**
 * The whole diagram as a PNG or SVG data URL, after React Flow's "download image" example: the
 * `.react-flow__viewport` element rendered with a transform that frames every node. The image
 * library is loaded here, on demand, never with the first screen.
 */
export async function exportImage(flowElement: HTMLElement, nodes: Node[], format: 'png' | 'svg'): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
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
    return format === 'png' ? await toPng(viewportEl, { ...options, pixelRatio: 2 }) : await toSvg(viewportEl, options);
  } finally {
    restore();
  }
}
