import { wallClock } from '../lib/zoned-time.ts';
/**
 * The demo provider's events: generated from a seed and a "now", so every run (and every test) sees
 * the same world. Shapes are Eventbrite's v3 event objects with `venue` expanded.
 */

export interface City {
  name: string;
  region: string;
  country: string;
  timezone: string;
  latitude: number;
  longitude: number;
}

export const CITIES: readonly City[] = [
  {
    name: 'New York',
    region: 'NY',
    country: 'US',
    timezone: 'America/New_York',
    latitude: 40.7128,
    longitude: -74.006,
  },
  {
    name: 'San Francisco',
    region: 'CA',
    country: 'US',
    timezone: 'America/Los_Angeles',
    latitude: 37.7749,
    longitude: -122.4194,
  },
  {
    name: 'Chicago',
    region: 'IL',
    country: 'US',
    timezone: 'America/Chicago',
    latitude: 41.8781,
    longitude: -87.6298,
  },
  {
    name: 'Austin',
    region: 'TX',
    country: 'US',
    timezone: 'America/Chicago',
    latitude: 30.2672,
    longitude: -97.7431,
  },
  {
    name: 'Denver',
    region: 'CO',
    country: 'US',
    timezone: 'America/Denver',
    latitude: 39.7392,
    longitude: -104.9903,
  },
  {
    name: 'Toronto',
    region: 'ON',
    country: 'CA',
    timezone: 'America/Toronto',
    latitude: 43.6532,
    longitude: -79.3832,
  },
  {
    name: 'Mexico City',
    region: 'CDMX',
    country: 'MX',
    timezone: 'America/Mexico_City',
    latitude: 19.4326,
    longitude: -99.1332,
  },
  {
    name: 'São Paulo',
    region: 'SP',
    country: 'BR',
    timezone: 'America/Sao_Paulo',
    latitude: -23.5505,
    longitude: -46.6333,
  },
  {
    name: 'London',
    region: 'England',
    country: 'GB',
    timezone: 'Europe/London',
    latitude: 51.5074,
    longitude: -0.1278,
  },
  {
    name: 'Dublin',
    region: 'Leinster',
    country: 'IE',
    timezone: 'Europe/Dublin',
    latitude: 53.3498,
    longitude: -6.2603,
  },
  {
    name: 'Berlin',
    region: 'Berlin',
    country: 'DE',
    timezone: 'Europe/Berlin',
    latitude: 52.52,
    longitude: 13.405,
  },
  {
    name: 'Paris',
    region: 'Île-de-France',
    country: 'FR',
    timezone: 'Europe/Paris',
    latitude: 48.8566,
    longitude: 2.3522,
  },
  {
    name: 'Madrid',
    region: 'Madrid',
    country: 'ES',
    timezone: 'Europe/Madrid',
    latitude: 40.4168,
    longitude: -3.7038,
  },
  {
    name: 'Amsterdam',
    region: 'North Holland',
    country: 'NL',
    timezone: 'Europe/Amsterdam',
    latitude: 52.3676,
    longitude: 4.9041,
  },
  {
    name: 'Zürich',
    region: 'Zürich',
    country: 'CH',
    timezone: 'Europe/Zurich',
    latitude: 47.3769,
    longitude: 8.5417,
  },
  {
    name: 'Nairobi',
    region: 'Nairobi',
    country: 'KE',
    timezone: 'Africa/Nairobi',
    latitude: -1.2921,
    longitude: 36.8219,
  },
  {
    name: 'Bengaluru',
    region: 'Karnataka',
    country: 'IN',
    timezone: 'Asia/Kolkata',
    latitude: 12.9716,
    longitude: 77.5946,
  },
  {
    name: 'Singapore',
    region: 'Singapore',
    country: 'SG',
    timezone: 'Asia/Singapore',
    latitude: 1.3521,
    longitude: 103.8198,
  },
  {
    name: 'Tokyo',
    region: 'Tokyo',
    country: 'JP',
    timezone: 'Asia/Tokyo',
    latitude: 35.6762,
    longitude: 139.6503,
  },
  {
    name: 'Sydney',
    region: 'NSW',
    country: 'AU',
    timezone: 'Australia/Sydney',
    latitude: -33.8688,
    longitude: 151.2093,
  },
];

const VENUE_KINDS = [
  'Hall',
  'Loft',
  'Gallery',
  'Social Club',
  'Theatre',
  'Warehouse',
  'Library',
  'Park Pavilion',
  'Taproom',
  'Studio',
  'Conservatory',
  'Community Centre',
];
const VENUE_NAMES = [
  'Harbor',
  'Foundry',
  'Lantern',
  'Juniper',
  'Copper',
  'Meridian',
  'Old Mill',
  'Riverside',
  'Skyline',
  'Elm Street',
  'Northside',
  'Canal',
  'Orchard',
  'Granary',
  'Union',
  'Beacon',
];
const STREETS = [
  'Market St',
  'King St',
  'High St',
  'Station Rd',
  'Mill Lane',
  'Park Ave',
  'Water St',
  'Church St',
  'Bridge Rd',
  'Garden Row',
];

interface Template {
  title: string;
  summary: string;
  free?: boolean;
  online?: boolean;
  hours: [number, number];
  minutes: number;
}

const TEMPLATES: readonly Template[] = [
  {
    title: 'Jazz Night at {venue}',
    summary: 'A quartet plays standards and originals; doors open an hour early.',
    hours: [19, 21],
    minutes: 150,
  },
  {
    title: 'Intro to Pottery: Wheel Throwing',
    summary: 'Two hours at the wheel with clay, glazes and an instructor for every six people.',
    hours: [10, 18],
    minutes: 120,
  },
  {
    title: 'Startup Pitch Evening',
    summary: 'Eight founders pitch in five minutes each to a panel of investors, then drinks.',
    hours: [18, 19],
    minutes: 180,
  },
  {
    title: 'Sunday Farmers Market',
    summary: 'Local growers, bakers and cheesemakers; bring your own bags.',
    free: true,
    hours: [8, 10],
    minutes: 300,
  },
  {
    title: 'Open Mic Comedy',
    summary: 'New material from local comics; sign up at the door for a five-minute slot.',
    hours: [20, 21],
    minutes: 120,
  },
  {
    title: 'TypeScript Meetup: Types at Scale',
    summary: 'Talks on monorepos, strictness and the compiler, with pizza.',
    free: true,
    hours: [18, 19],
    minutes: 150,
  },
  {
    title: 'Morning Yoga in the Park',
    summary: 'All levels welcome; mats provided.',
    free: true,
    hours: [7, 9],
    minutes: 60,
  },
  {
    title: 'Wine Tasting: Natural Wines of Europe',
    summary: 'Six pours from small producers, with cheese pairings.',
    hours: [18, 20],
    minutes: 120,
  },
  {
    title: 'Indie Film Screening & Q&A',
    summary: 'A festival favourite followed by a conversation with the director.',
    hours: [19, 20],
    minutes: 150,
  },
  {
    title: 'Kids’ Science Workshop',
    summary: 'Volcanoes, slime and rockets for ages 6–11; parents stay.',
    hours: [10, 14],
    minutes: 90,
  },
  {
    title: 'Salsa Social for Beginners',
    summary: 'A one-hour lesson, then open dancing until late.',
    hours: [19, 20],
    minutes: 180,
  },
  {
    title: 'Book Club: This Month’s Novel',
    summary: 'Come having read it, or come to find out whether you should.',
    free: true,
    hours: [18, 19],
    minutes: 90,
  },
  {
    title: 'Street Food Festival',
    summary: 'Thirty stalls, live music and a craft beer tent.',
    hours: [11, 13],
    minutes: 420,
  },
  {
    title: 'Photography Walk: Golden Hour',
    summary: 'A guided walk for any camera, including your phone.',
    hours: [16, 18],
    minutes: 120,
  },
  {
    title: 'Chamber Music: Schubert & Brahms',
    summary: 'A string quartet in an intimate room.',
    hours: [19, 20],
    minutes: 120,
  },
  {
    title: 'Climate Tech Panel',
    summary: 'Founders and researchers on what works in decarbonisation.',
    free: true,
    hours: [17, 19],
    minutes: 120,
  },
  {
    title: 'Vinyl Record Fair',
    summary: 'Dealers from across the region; crates from a euro a record.',
    free: true,
    hours: [10, 12],
    minutes: 360,
  },
  {
    title: 'Trivia Night',
    summary: 'Teams of up to six; prizes for the top three.',
    free: true,
    hours: [19, 20],
    minutes: 150,
  },
  {
    title: 'Life Drawing Session',
    summary: 'Untutored session with a model; bring your own materials.',
    hours: [18, 19],
    minutes: 120,
  },
  {
    title: 'Half Marathon Training Run',
    summary: 'A paced 12 km group run; all paces have a leader.',
    free: true,
    hours: [7, 8],
    minutes: 90,
  },
  {
    title: '{city} Design Week: Opening Party',
    summary: 'Studios open their doors; the party starts at the main hall.',
    hours: [19, 20],
    minutes: 240,
  },
  {
    title: '{city} Tech Breakfast',
    summary: 'Coffee, pastries and a short talk before work.',
    free: true,
    hours: [7, 8],
    minutes: 90,
  },
  {
    title: 'Taste of {city}',
    summary: 'The city’s best kitchens serve small plates under one roof.',
    hours: [12, 18],
    minutes: 240,
  },
  {
    title: 'Live at {venue}: Folk & Americana',
    summary: 'Two bands, one long night of songs.',
    hours: [19, 20],
    minutes: 180,
  },
  {
    title: 'Poetry & Pints',
    summary: 'Readings from three poets and an open floor.',
    free: true,
    hours: [19, 20],
    minutes: 120,
  },
];

/** Makes a series read like a series: the same event, another edition. */
const EDITIONS = [
  '',
  '',
  '',
  '',
  ' — Winter Edition',
  ' (Members’ Night)',
  ' Vol. 2',
  ' Vol. 3',
  ' — Special Guest Night',
  ' & Friends',
];

const ONLINE_TEMPLATES: readonly Template[] = [
  {
    title: 'Webinar: Getting Started with Data Visualisation',
    summary: 'A live session on charts that tell the truth.',
    online: true,
    free: true,
    hours: [9, 18],
    minutes: 60,
  },
  {
    title: 'Online Workshop: Writing for the Web',
    summary: 'Clear, short, useful: exercises and feedback over video.',
    online: true,
    hours: [10, 17],
    minutes: 90,
  },
  {
    title: 'Virtual Cooking Class: Fresh Pasta',
    summary: 'Cook along from your kitchen; the ingredient list arrives by email.',
    online: true,
    hours: [17, 19],
    minutes: 90,
  },
  {
    title: 'Remote Career Fair',
    summary: 'Meet forty employers in video booths.',
    online: true,
    free: true,
    hours: [9, 15],
    minutes: 240,
  },
  {
    title: 'Live Stream: Astronomy Night',
    summary: 'Telescope views of the planets with commentary from an astronomer.',
    online: true,
    free: true,
    hours: [20, 21],
    minutes: 60,
  },
];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoVenue {
  id: string;
  name: string;
  address: {
    address_1: string;
    city: string;
    region: string;
    country: string;
    latitude: string;
    longitude: string;
    localized_address_display: string;
  };
}

export interface DemoEvent {
  id: string;
  name: { text: string; html: string };
  summary: string;
  description: { text: string; html: string };
  url: string;
  start: { timezone: string; local: string; utc: string };
  end: { timezone: string; local: string; utc: string };
  created: string;
  changed: string;
  status: 'live';
  online_event: boolean;
  is_free: boolean;
  venue_id: string | null;
  venue: DemoVenue | null;
  organizer_id: string;
  organization_id: string;
  logo: { url: string } | null;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Wall-clock time in a zone, as Eventbrite writes `local`: YYYY-MM-DDTHH:MM:SS. */
export function localTime(utc: Date, timezone: string): string {
  const { year, month, day, hour, minute, second } = wallClock(utc, timezone);
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** The UTC instant at which a zone's wall clock shows `local` (two passes settle DST offsets). */
function zonedTime(local: string, timezone: string): Date {
  const asUtc = new Date(`${local}Z`);
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass++) {
    const shown = new Date(`${localTime(guess, timezone)}Z`);
    guess = new Date(guess.getTime() + (asUtc.getTime() - shown.getTime()));
  }
  return guess;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const ORGANIZER_COUNT = 40;
export const ORGANIZATION_COUNT = 8;

function venuesFor(random: () => number, city: City, cityIndex: number): DemoVenue[] {
  return Array.from({ length: 8 }, (_, index) => {
    const name = `${pick(random, VENUE_NAMES)} ${pick(random, VENUE_KINDS)}`;
    const street = `${1 + Math.floor(random() * 240)} ${pick(random, STREETS)}`;
    const latitude = (city.latitude + (random() - 0.5) * 0.08).toFixed(6);
    const longitude = (city.longitude + (random() - 0.5) * 0.08).toFixed(6);
    return {
      id: String(70_000 + cityIndex * 100 + index),
      name,
      address: {
        address_1: street,
        city: city.name,
        region: city.region,
        country: city.country,
        latitude,
        longitude,
        localized_address_display: `${street}, ${city.name}, ${city.region}`,
      },
    };
  });
}

export interface DemoDataset {
  now: Date;
  events: DemoEvent[];
}

/** At least 5,000 events over the 90 days after `now`, in 20 cities and online. */
export function generateEvents(options: { seed?: number; now?: Date; count?: number } = {}): DemoDataset {
  const random = seededRandom(options.seed ?? 20_261_129);
  const now = options.now ?? new Date();
  const count = options.count ?? 5_400;
  const venues = CITIES.map((city, index) => venuesFor(random, city, index));
  const events: DemoEvent[] = [];

  for (let index = 0; index < count; index++) {
    const online = random() < 0.12;
    const cityIndex = Math.floor(random() * CITIES.length);
    const city = CITIES[cityIndex]!;
    const template = online ? pick(random, ONLINE_TEMPLATES) : pick(random, TEMPLATES);
    const venue = online ? null : pick(random, venues[cityIndex]!);
    const timezone = online
      ? pick(random, ['America/New_York', 'Europe/London', 'Asia/Singapore', 'UTC'])
      : city.timezone;

    const day = new Date(now.getTime() + (1 + Math.floor(random() * 89)) * 86_400_000);
    const [firstHour, lastHour] = template.hours;
    const hour = firstHour + Math.floor(random() * (lastHour - firstHour + 1));
    const minute = pick(random, [0, 0, 15, 30, 30, 45]);
    const localDay = localTime(day, timezone).slice(0, 10);
    const start = zonedTime(
      `${localDay}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`,
      timezone,
    );
    const end = new Date(start.getTime() + template.minutes * 60_000);
    const created = new Date(now.getTime() - (5 + Math.floor(random() * 60)) * 86_400_000);

    const title = `${template.title.replace('{venue}', venue?.name ?? 'Home').replace('{city}', city.name)}${pick(random, EDITIONS)}`;
    const id = String(800_000_000_000 + index * 7919);
    events.push({
      id,
      name: { text: title, html: title.replace(/&/g, '&amp;') },
      summary: template.summary,
      description: { text: template.summary, html: `<p>${template.summary}</p>` },
      url: `https://demo.event-scout.test/e/${id}`,
      start: { timezone, local: localTime(start, timezone), utc: isoSeconds(start) },
      end: { timezone, local: localTime(end, timezone), utc: isoSeconds(end) },
      created: isoSeconds(created),
      changed: isoSeconds(created),
      status: 'live',
      online_event: online,
      is_free: template.free === true || random() < 0.08,
      venue_id: venue?.id ?? null,
      venue,
      organizer_id: String(5_000 + Math.floor(random() * ORGANIZER_COUNT)),
      organization_id: String(300 + Math.floor(random() * ORGANIZATION_COUNT)),
      logo: random() < 0.7 ? { url: `https://demo.event-scout.test/logos/${index % 50}.png` } : null,
    });
  }
  events.sort((a, b) => a.start.utc.localeCompare(b.start.utc) || a.id.localeCompare(b.id));
  return { now, events };
}
