/** Dates as magazines print them, in English and Chinese, for the readers and the structure stage alike. */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ENGLISH_DATE = new RegExp(
  `^(?:[A-Z][a-z]+day,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})\\.?$`,
  'i',
);
const CHINESE_DATE =
  /^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?(?:[，,\s]*(?:星期|周)[一二三四五六日天])?$/u;

/** A place a dateline names before or after its date: "Dalian, June 25, 2024", "2024年6月25日，大连". */
const ENGLISH_PLACE = "[A-Z][\\p{L}.'-]*(?:\\s+[A-Z][\\p{L}.'-]*){0,3}";
const PLACE_BEFORE = new RegExp(`^${ENGLISH_PLACE},\\s+|^[\\p{Script=Han}]{1,10}[，,\\s]+`, 'u');
const PLACE_AFTER = new RegExp(`,?\\s+(?:in\\s+)?${ENGLISH_PLACE}$|[，,\\s]+[\\p{Script=Han}]{1,10}$`, 'u');

/** Whether a line is a date and nothing else but a place ("February 26, 2024", "Dalian, June 25, 2024", "2024年2月26日"). */
export function isDateLine(text: string): boolean {
  const trimmed = text.trim();
  return [trimmed, trimmed.replace(PLACE_BEFORE, ''), trimmed.replace(PLACE_AFTER, '')].some(
    (candidate) => ENGLISH_DATE.test(candidate) || CHINESE_DATE.test(candidate),
  );
}
