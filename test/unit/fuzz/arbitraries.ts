import fc from 'fast-check';

/** Cases per property: 2,000 for pure parsers; 1,000 for those that go through storage, a database or a session. */
export const RUNS = 2_000;

/** Something in the place of a field: the right kind of value most of the time, anything otherwise. */
const orAnything = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary, weight: 3 }, { arbitrary: fc.anything(), weight: 1 });

export const hostileUrl = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'JaVaScRiPt:fetch("//x")',
    ' javascript:void(0)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.test/x',
    'http://',
    'https://[::1',
    'not a url',
  ),
  fc.string(),
);

const isoDate = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
const timeZone = fc.oneof(
  fc.constantFrom(
    'Europe/Berlin',
    'America/New_York',
    'UTC',
    'Asia/Kolkata',
    'Mars/Olympus_Mons',
    '',
    'Etc/GMT+99',
  ),
  fc.string(),
);
const eventTime = orAnything(
  fc.record(
    {
      utc: orAnything(
        fc.oneof(
          isoDate,
          isoDate.map((date) => date.slice(0, 19) + 'Z'),
          fc.string(),
        ),
      ),
      timezone: orAnything(timeZone),
    },
    { requiredKeys: [] },
  ),
);
const text = orAnything(
  fc.oneof(
    fc.string(),
    fc.constantFrom('<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '\u202Eevil', ''),
  ),
);

/** An event as Eventbrite's v3 API shapes it, with any field missing, mistyped or hostile. */
export const eventbriteShapedEvent = fc.record(
  {
    id: orAnything(fc.oneof(fc.stringMatching(/^\d{1,12}$/), fc.nat(), fc.string())),
    name: orAnything(fc.oneof(fc.record({ text, html: text }, { requiredKeys: [] }), fc.string())),
    summary: text,
    description: orAnything(fc.record({ text }, { requiredKeys: [] })),
    url: orAnything(hostileUrl),
    start: eventTime,
    end: eventTime,
    venue: orAnything(
      fc.record(
        {
          name: text,
          address: orAnything(
            fc.record({ city: text, address_1: text, localized_address_display: text }, { requiredKeys: [] }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    online_event: orAnything(fc.boolean()),
    is_free: orAnything(fc.boolean()),
    logo: orAnything(fc.record({ url: orAnything(hostileUrl) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

/** A whole answer body: lists of events, orders and organizations with pagination, or anything. */
export const eventbritePayload = fc.oneof(
  fc.record(
    {
      events: orAnything(fc.array(orAnything(eventbriteShapedEvent), { maxLength: 5 })),
      orders: orAnything(
        fc.array(orAnything(fc.record({ event: orAnything(eventbriteShapedEvent) }, { requiredKeys: [] })), {
          maxLength: 3,
        }),
      ),
      organizations: orAnything(
        fc.array(
          orAnything(fc.record({ id: orAnything(fc.stringMatching(/^\d{1,6}$/)) }, { requiredKeys: [] })),
          { maxLength: 3 },
        ),
      ),
      pagination: orAnything(
        fc.record(
          { has_more_items: orAnything(fc.boolean()), continuation: orAnything(fc.string()) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

const flag = orAnything(fc.boolean());
const localDate = orAnything(
  fc.oneof(
    isoDate.map((date) => date.slice(0, 10)),
    fc.constantFrom('2031-02-30', '2031-13-01', '0000-00-00', ''),
    fc.string(),
  ),
);
const decimal = orAnything(fc.oneof(fc.double().map(String), fc.double(), fc.string()));

/** An event as Ticketmaster Discovery v2 shapes it, with any field missing, mistyped or hostile. */
export const ticketmasterShapedEvent = fc.record(
  {
    id: orAnything(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,18}$/), fc.string())),
    name: text,
    url: orAnything(hostileUrl),
    info: text,
    images: orAnything(
      fc.array(
        orAnything(
          fc.record(
            {
              ratio: orAnything(fc.constantFrom('16_9', '3_2', '4_3', '1_1')),
              url: orAnything(hostileUrl),
              width: orAnything(fc.integer({ min: -10, max: 4_000 })),
              fallback: flag,
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 4 },
      ),
    ),
    dates: orAnything(
      fc.record(
        {
          start: orAnything(
            fc.record(
              {
                localDate,
                localTime: text,
                dateTime: orAnything(
                  fc.oneof(
                    isoDate,
                    isoDate.map((date) => date.slice(0, 19) + 'Z'),
                  ),
                ),
                dateTBD: flag,
                dateTBA: flag,
                timeTBA: flag,
                noSpecificTime: flag,
              },
              { requiredKeys: [] },
            ),
          ),
          end: orAnything(fc.record({ dateTime: orAnything(isoDate) }, { requiredKeys: [] })),
          timezone: orAnything(timeZone),
          status: orAnything(
            fc.record(
              {
                code: orAnything(
                  fc.constantFrom('onsale', 'offsale', 'cancelled', 'postponed', 'rescheduled'),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    priceRanges: orAnything(
      fc.array(
        orAnything(
          fc.record(
            {
              currency: orAnything(fc.constantFrom('USD', 'EUR', 'usd', '')),
              min: orAnything(fc.double()),
              max: orAnything(fc.double()),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
    _embedded: orAnything(
      fc.record(
        {
          venues: orAnything(
            fc.array(
              orAnything(
                fc.record(
                  {
                    name: text,
                    timezone: orAnything(timeZone),
                    city: orAnything(fc.record({ name: text }, { requiredKeys: [] })),
                    address: orAnything(fc.record({ line1: text }, { requiredKeys: [] })),
                    location: orAnything(
                      fc.record({ latitude: decimal, longitude: decimal }, { requiredKeys: [] }),
                    ),
                  },
                  { requiredKeys: [] },
                ),
              ),
              { maxLength: 2 },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** A whole Discovery answer: events and a page, or anything. */
export const discoveryPayload = fc.oneof(
  fc.record(
    {
      _embedded: orAnything(
        fc.record(
          { events: orAnything(fc.array(orAnything(ticketmasterShapedEvent), { maxLength: 5 })) },
          { requiredKeys: [] },
        ),
      ),
      page: orAnything(
        fc.record({ totalPages: orAnything(fc.integer({ min: 0, max: 100 })) }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);
