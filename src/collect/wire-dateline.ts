/** Month names as a dateline writes them ("Nov", "Nov.", "November"), or a day then the month ("18 Nov"). */
const DATELINE_MONTH = String.raw`[A-Z][a-z]{2,8}\.?`;

/**
 * A wire dateline opening a line: the place in capitals, perhaps its country, perhaps the day the item moved, perhaps
 * the agency in brackets, then a dash ("SEOUL, Nov 18 (Yonhap) -", "KHARKIV, Ukraine (AP) —", "GENEVA, 4 March -",
 * "KYIV -"); two places of a story filed from both are joined by a slash ("SEOUL/WASHINGTON, April 30 (Orbis) -"). Groups: 1 the month before the day, 2 the day, 3 the day before the month, 4 the month after it.
 * One pattern for both readers of it: collection (a roundup's items open with one) and the times stage (an item's
 * relative times count from its day).
 */
export const WIRE_DATELINE = new RegExp(
  String.raw`^[A-Z][A-Z.'’\-]+(?:\/[A-Z][A-Z.'’\-]+)?(?: [A-Z][A-Z.'’\-]+){0,3}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)??` +
    String.raw`(?:, (?:(${DATELINE_MONTH}) (\d{1,2})|(\d{1,2}) (${DATELINE_MONTH})))?` +
    String.raw`(?: \([^()\n]{2,40}\))? ?(?:--|[-–—]) `,
);
