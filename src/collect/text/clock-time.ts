/**
 * A clock time as pages print it beside a post, a message or a log entry: "9:42", "09:42:10", "4:12 PM", "4:12 p.m.".
 * One pattern source for the readers of copied threads, channels and exports, each saying what its page may hold,
 * so that none writes the clock again.
 */

/** Hours and minutes: "9:42", "09:42". */
export const HOURS_MINUTES = String.raw`\d{1,2}:\d{2}`;
/** The half of a 12-hour clock's day, dots optional: "PM", "am", "p.m.". */
export const MERIDIEM = String.raw`[AaPp]\.?[Mm]\.?`;

export interface ClockForm {
  /** Seconds may follow the minutes ("09:42:10"). */
  seconds: boolean;
  /** The half of the day may be written with dots ("p.m."), not only "PM". */
  dotted: boolean;
  /** The gap before the half of the day: at most one blank (`\s?`), or any (`\s*`). */
  gap: '\\s?' | '\\s*';
}

/** The source of a regex for a clock time of the given form, the half of the day always optional. */
export function clockTime(form: ClockForm): string {
  const meridiem = form.dotted ? MERIDIEM : '[AaPp][Mm]';
  return `${HOURS_MINUTES}${form.seconds ? '(?::\\d{2})?' : ''}(?:${form.gap}${meridiem})?`;
}
