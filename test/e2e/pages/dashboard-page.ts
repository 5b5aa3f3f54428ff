import type { Locator, Page } from '@playwright/test';

/** The phase dashboard, by what a reader looks for on it. */
export class DashboardPage {
  readonly page: Page;
  readonly taskRows: Locator;
  readonly criticalPath: Locator;
  readonly graph: Locator;
  readonly ledger: Locator;

  constructor(page: Page) {
    this.page = page;
    this.taskRows = page.getByTestId('task-table').locator('tbody tr');
    this.criticalPath = page.getByTestId('critical-path');
    this.graph = page.getByTestId('dependency-graph');
    this.ledger = page.getByTestId('metrics-ledger');
  }

  async goto({ phaseId = 'phase-7' }: { phaseId?: string } = {}): Promise<void> {
    await this.page.goto(`/${phaseId}/`);
  }

  taskRow(taskId: string): Locator {
    return this.page.getByTestId('task-table').locator(`tr[data-task="${taskId}"]`);
  }

  graphNode(taskId: string): Locator {
    return this.graph.locator(`g.node[data-task="${taskId}"]`);
  }

  metricRow(key: string): Locator {
    return this.ledger.locator(`tr[data-metric="${key}"]`);
  }
}
