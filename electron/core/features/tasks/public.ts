// What other features use of tasks: a visit's outcome becomes a task; Home lists them.
export { createTask } from './app.ts';
export { toTasks } from './queries.ts';
export { listTasks } from './queries.ts';
