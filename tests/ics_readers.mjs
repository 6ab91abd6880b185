// Read iCalendar files with a reader the site does not write with, and print what it sees.
//
//   node tests/ics_readers.mjs <ical.js|node-ical> FILE...
//
// Prints one JSON object: {FILE: [{uid, url, summary, start, end}]}, one entry per VEVENT;
// start and end are ISO instants in UTC, or YYYY-MM-DD for a date (all day). Run with TZ set
// to a zone far from the calendars' (tests/ics_readers.py does), so that a time a reader
// failed to place in its zone shows as wrong.
import fs from "node:fs";
import ICAL from "ical.js";
import nodeIcal from "node-ical";

const pad = (n) => String(n).padStart(2, "0");

// ical.js (Thunderbird, Nextcloud): every VTIMEZONE of the file registered first.
function readIcalJs(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const moment = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      url: component.getFirstPropertyValue("url"),
      summary: event.summary,
      start: moment(event.startDate),
      end: component.hasProperty("dtend") ? moment(event.endDate) : null,
    };
  });
}

// node-ical (MagicMirror and many Node apps): a date is a Date at local midnight.
function readNodeIcal(text) {
  const value = (v) => (v && typeof v === "object" && "val" in v ? v.val : v ?? null);
  const moment = (date, dateOnly) =>
    dateOnly
      ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
      : date.toISOString();
  return Object.values(nodeIcal.sync.parseICS(text))
    .filter((item) => item.type === "VEVENT")
    .map((event) => {
      const dateOnly = event.datetype === "date";
      return {
        uid: event.uid,
        url: value(event.url),
        summary: value(event.summary),
        start: moment(event.start, dateOnly),
        end: event.end ? moment(event.end, dateOnly) : null,
      };
    });
}

const readers = { "ical.js": readIcalJs, "node-ical": readNodeIcal };
const [name, ...files] = process.argv.slice(2);
const read = readers[name];
if (!read) {
  console.error(`unknown reader ${name}; one of: ${Object.keys(readers).join(", ")}`);
  process.exit(2);
}
const seen = {};
for (const file of files) {
  seen[file] = read(fs.readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(seen));
