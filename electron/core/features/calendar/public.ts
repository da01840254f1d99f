// What other features use of the calendar: its sample records.
export { calendarSample } from './sample.ts';
