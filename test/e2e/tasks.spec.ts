import { localIsoDate } from '../../shared/dates.ts';
import { formatDate } from '../../shared/format.ts';
import { axeViolations, callApi, dmy, expect, test, typeInto } from './fixtures.ts';

const daysFromToday = (n: number) => localIsoDate(new Date(Date.now() + n * 86_400_000));

for (const browserLocale of ['es-419', 'en-US']) {
  test.describe(`browser in ${browserLocale}, app in Spanish`, () => {
    test.use({ locale: browserLocale });

    test('a task ticked done today is edited to the day it was really done; a day to come is refused next to the field', async ({ app: page }, testInfo) => {
      const done = daysFromToday(-40);
      const task = await callApi<{ id: number }>(page, 'tasks.create', {
        title: 'Enviar al concejo el acta firmada 签字',
        dueOn: daysFromToday(-45),
        assignee: 'Ana Torres',
        priority: 'high',
      });
      await page.goto(page.url().replace(/#.*$/, '#/tasks?view=all'));
      const line = page.locator(`[data-task-id="${task.id}"]`);
      await line.getByRole('button', { name: 'Marcar como hecha' }).click();
      await expect(line).toContainText(/Hecha el \d/);

      await line.getByRole('button', { name: /Acciones/ }).click();
      await page.getByRole('menuitem', { name: 'Editar' }).click();
      const form = page.getByTestId('task-form');
      const completed = form.locator('[data-date-field$="-completedOn"]');
      // The app's own field, in the app's order whatever the browser's locale.
      await expect(completed.locator('.date-input')).toHaveText(dmy(daysFromToday(0)));
      await typeInto(completed, dmy(done));
      await expect(form.getByLabel('Qué hay que hacer')).toHaveValue('Enviar al concejo el acta firmada 签字');
      await page.screenshot({ path: testInfo.outputPath(`task-form-${browserLocale}.png`), fullPage: true });
      expect(await axeViolations(page, '[data-testid="task-form"]')).toEqual([]);
      await form.getByRole('button', { name: 'Guardar' }).click();
      await expect(form).toHaveCount(0);
      const shown = formatDate(done, 'es-419');
      expect(await callApi(page, 'tasks.get', { id: task.id })).toMatchObject({ status: 'done', completedOn: done });
      await expect(line).toContainText(`Hecha el ${shown}`);

      // Tomorrow: refused beside the field, and what was saved stays.
      await line.getByRole('button', { name: /Acciones/ }).click();
      await page.getByRole('menuitem', { name: 'Editar' }).click();
      await typeInto(form.locator('[data-date-field$="-completedOn"]'), dmy(daysFromToday(1)));
      await form.getByRole('button', { name: 'Guardar' }).click();
      const field = form.locator('[data-field$="-completedOn"]');
      await expect(field.getByRole('alert')).toHaveText('La fecha en que se hizo no puede ser posterior a hoy.');
      await page.screenshot({ path: testInfo.outputPath(`task-form-future-${browserLocale}.png`), fullPage: true });
      expect(await axeViolations(page, '[data-testid="task-form"]')).toEqual([]);
      await page.reload();
      await expect(page.locator(`[data-task-id="${task.id}"]`)).toContainText(`Hecha el ${shown}`);
    });
  });
}
