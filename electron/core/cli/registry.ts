import type { Command } from './command.ts';
import { backupCommand } from './commands/backup.ts';
import { calendarCommand } from './commands/calendar.ts';
import { checkCommand } from './commands/check.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { reportCommand } from './commands/report.ts';
import { restoreCommand } from './commands/restore.ts';
import { usersCommand } from './commands/users.ts';
import { serveCommand } from './commands/serve.ts';

// One line per command; a feature adds its module (with subcommands if it has them) here.
export const commands: readonly Command[] = [
  initCommand,
  demoCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
  exportCommand,
  importCommand,
  calendarCommand,
  reportCommand,
  usersCommand,
  serveCommand,
];
