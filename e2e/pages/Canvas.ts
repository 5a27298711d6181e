import { expect, type Locator, type Page } from '@playwright/test';

/** The React Flow canvas: elements by their canvas id (`node:worker-1`, `svc:default/web`, …). */
export class Canvas {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('application').or(page.locator('.react-flow')).first();
  }

  async open(path = './') {
    await this.page.goto(path);
    await expect(this.element('cluster')).toBeVisible();
  }

  element(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  elementsOfType(type: string): Locator {
    return this.page.locator(`.react-flow__node-${type}`);
  }

  async box(id: string) {
    const box = await this.element(id).boundingBox();
    if (!box) throw new Error(`${id} is not on screen`);
    return box;
  }

  /**
   * Drags an element by its title row, right of centre (where no edge is drawn over it), by dx/dy
   * screen pixels, in small steps like a hand.
   */
  async drag(id: string, dx: number, dy: number) {
    const box = await this.box(id);
    const x = box.x + box.width * 0.8;
    const y = box.y + 28;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Drags one element so its centre lands on another's centre. */
  async dragOnto(id: string, targetId: string) {
    const from = await this.box(id);
    const to = await this.box(targetId);
    const x = from.x + from.width * 0.8;
    const y = from.y + 12;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    const dx = to.x + to.width / 2 - (from.x + from.width / 2);
    const dy = to.y + to.height / 2 - (from.y + from.height / 2);
    await this.page.mouse.move(x + dx, y + dy, { steps: 15 });
    await this.page.mouse.up();
  }

}
