import { test, expect } from './fixtures';
import { Kubectl } from './pages/Kubectl';

test.describe('kubectl panel', () => {
  test('get svc shows the default scenario\'s LoadBalancer with 80:30080/TCP, live', async ({ page, canvas, inspector }) => {
    const kubectl = new Kubectl(page);
    await canvas.open();
    await kubectl.open();
    await kubectl.quick('get svc -o wide').click();
    await expect(kubectl.output).toContainText('$ kubectl get svc -o wide');
    const web = kubectl.row(/^Service web in default/);
    await expect(web).toContainText(/^web +LoadBalancer +10\.\d+\.\d+\.\d+ +203\.0\.113\.10 +80:30080\/TCP +\S+ +app=web$/);

    await test.step('with -A the NAMESPACE column comes first', async () => {
      await kubectl.allNamespaces.check();
      await expect(kubectl.quick('get svc -o wide -A')).toHaveAttribute('aria-pressed', 'true');
      await expect(web).toContainText(/^default +web +LoadBalancer/);
      await kubectl.allNamespaces.uncheck();
    });

    await test.step('the output follows an edit made in the inspector', async () => {
      await canvas.element('svc:default/web').click();
      await page.getByRole('tab', { name: 'Inspector' }).click();
      await inspector.field(/^nodePort spec\.ports\[0\]\.nodePort/).fill('30090');
      await inspector.apply('Apply');
      await kubectl.open();
      await kubectl.quick('get svc -o wide').click();
      await expect(web).toContainText('80:30090/TCP');
    });
  });

  test('get pods -o wide lists the three pods with their IPs and nodes; a click selects one on the canvas', async ({ page, canvas }) => {
    const kubectl = new Kubectl(page);
    await canvas.open();
    await kubectl.open();
    await kubectl.quick('get pods -o wide').click();
    await expect(kubectl.rows).toHaveCount(3);
    const podIds = await canvas.elementsOfType('pod').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!).sort());
    expect(podIds).toHaveLength(3);
    for (const [i, id] of podIds.entries()) {
      const name = id.replace('pod:default/', '');
      await expect(kubectl.rows.nth(i)).toHaveText(new RegExp(`^${name} +1/1 +Running +0 +\\S+ +10\\.244\\.\\d+\\.\\d+ +worker-\\d +<none> +<none>$`));
    }
    await expect(kubectl.output).toContainText('NOMINATED NODE   READINESS GATES');
    await expect(kubectl.root.getByText(/More columns to the right/)).toBeVisible();

    await test.step('clicking a row selects that pod on the canvas and marks the row', async () => {
      const id = podIds[1]!;
      await kubectl.rows.nth(1).click();
      await expect(canvas.element(id)).toHaveClass(/selected/);
      await expect(kubectl.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(kubectl.rows.nth(0)).toHaveAttribute('aria-selected', 'false');
    });

    await test.step('describe follows the selected Service', async () => {
      await expect(kubectl.quick(/describe svc/)).toBeDisabled();
      await canvas.element('svc:default/web').click();
      await kubectl.quick('describe svc web').click();
      await expect(kubectl.output).toContainText(/NodePort: +http {2}30080\/TCP/);
      await expect(kubectl.output).toContainText(/Endpoints: +10\.244\.\d+\.\d+:8080,/);
    });
  });

  test('an unknown command answers in kubectl\'s error words; Up recalls it', async ({ page, canvas }) => {
    const kubectl = new Kubectl(page);
    await canvas.open();
    await kubectl.open();
    await kubectl.run('descibe svc web');
    await expect(kubectl.errors).toContainText('error: unknown command "descibe" for "kubectl"');
    await expect(kubectl.errors).toContainText('Did you mean this?');
    await expect(kubectl.errors).toHaveClass(/text-red-700/);
    await kubectl.run('get svc nope');
    await expect(kubectl.errors).toHaveText('Error from server (NotFound): services "nope" not found');
    await expect(kubectl.prompt).toHaveValue('');

    await kubectl.prompt.press('ArrowUp');
    await expect(kubectl.prompt).toHaveValue('get svc nope');
    await kubectl.prompt.press('ArrowUp');
    await expect(kubectl.prompt).toHaveValue('descibe svc web');
    await kubectl.prompt.press('ArrowDown');
    await kubectl.prompt.press('ArrowDown');
    await expect(kubectl.prompt).toHaveValue('');

    await test.step('the command and its history survive a visit to another tab', async () => {
      await page.getByRole('tab', { name: 'Inspector' }).click();
      await kubectl.open();
      await expect(kubectl.output).toContainText('$ kubectl get svc nope');
      await kubectl.prompt.press('ArrowUp');
      await expect(kubectl.prompt).toHaveValue('get svc nope');
    });
  });

  test('keyboard only: Tab to a row, arrows to another, Enter selects it', async ({ page, canvas }) => {
    const kubectl = new Kubectl(page);
    await canvas.open();
    await kubectl.tab.focus();
    await page.keyboard.press('Enter');
    await expect(kubectl.prompt).toBeVisible();
    await kubectl.prompt.focus();
    await page.keyboard.type('get nodes -o wide');
    await page.keyboard.press('Enter');
    await expect(kubectl.rows).toHaveCount(3);

    await page.keyboard.press('Tab'); // Run
    await page.keyboard.press('Tab'); // the rows: one Tab stop
    await expect(kubectl.row(/^Node worker-1:/)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const worker3 = kubectl.row(/^Node worker-3:/);
    await expect(worker3).toBeFocused();
    await kubectl.output.screenshot({ path: 'test-results/kubectl-keyboard.png' });
    await page.keyboard.press('Enter');
    await expect(canvas.element('node:worker-3')).toHaveClass(/selected/);
    await expect(worker3).toHaveAttribute('aria-selected', 'true');
    await expect(worker3).toHaveAccessibleName(/INTERNAL-IP 10\.0\.1\.12/);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshot (${scheme})`, async ({ page, canvas }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const kubectl = new Kubectl(page);
      await canvas.open();
      await kubectl.open();
      await kubectl.quick('get pods -o wide').click();
      await kubectl.rows.nth(0).click();
      await kubectl.rows.nth(2).focus();
      await page.screenshot({ path: `test-results/kubectl-${scheme}.png` });
      await kubectl.run('get pdos');
      await expect(kubectl.errors).toBeVisible();
      await kubectl.output.screenshot({ path: `test-results/kubectl-error-${scheme}.png` });
    });
  }
});
