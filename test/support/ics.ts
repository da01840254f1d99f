import ICAL from 'ical.js';

export type ParsedEvent = {
  uid: string;
  summary: string;
  location: string | null;
  description: string | null;
  start: string;
  end: string;
  startIsDate: boolean;
  categories: string[];
  sequence: number | null;
};

/** Reads an .ics text back with ical.js, as a calendar application would. */
export function parseIcs(text: string): { name: string | null; method: string | null; events: ParsedEvent[] } {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const events = root.getAllSubcomponents('vevent').map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const text = (name: string) => {
      const v = vevent.getFirstPropertyValue(name);
      return v === null || v === undefined ? null : String(v);
    };
    const sequence = vevent.getFirstPropertyValue('sequence');
    return {
      uid: event.uid,
      summary: event.summary,
      location: text('location'),
      description: text('description'),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      startIsDate: event.startDate.isDate,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      sequence: sequence === null ? null : Number(sequence),
    };
  });
  const prop = (name: string) => {
    const v = root.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : String(v);
  };
  return { name: prop('x-wr-calname'), method: prop('method'), events };
}
