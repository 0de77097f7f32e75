import * as assert from 'node:assert/strict';
import { createResolver } from '../../../src/core/variables/createResolver';
import { formatDatetime } from '../../../src/core/variables/formatDatetime';

// A Saturday morning and a Saturday evening, in UTC.
const MORNING = new Date('2024-03-02T09:04:05.007Z');
const EVENING = new Date('2024-03-23T21:30:59.999Z');

describe('{{$datetime "…"}} custom formats are Day.js display formats, as in REST Client', () => {
  const tokens: Array<[token: string, morning: string, evening: string]> = [
    ['YY', '24', '24'], ['YYYY', '2024', '2024'],
    ['M', '3', '3'], ['MM', '03', '03'], ['MMM', 'Mar', 'Mar'], ['MMMM', 'March', 'March'],
    ['D', '2', '23'], ['DD', '02', '23'],
    ['d', '6', '6'], ['dd', 'Sa', 'Sa'], ['ddd', 'Sat', 'Sat'], ['dddd', 'Saturday', 'Saturday'],
    ['H', '9', '21'], ['HH', '09', '21'], ['h', '9', '9'], ['hh', '09', '09'],
    ['m', '4', '30'], ['mm', '04', '30'], ['s', '5', '59'], ['ss', '05', '59'], ['SSS', '007', '999'],
    ['Z', '+00:00', '+00:00'], ['ZZ', '+0000', '+0000'], ['A', 'AM', 'PM'], ['a', 'am', 'pm'],
    // Day.js advancedFormat tokens
    ['Q', '1', '1'], ['Do', '2nd', '23rd'], ['k', '9', '21'], ['kk', '09', '21'],
    ['X', '1709370245', '1711229459'], ['x', '1709370245007', '1711229459999'],
  ];
  for (const [token, morning, evening] of tokens) {
    it(`${token} gives ${morning} (and ${evening} in the evening), in UTC`, () => {
      assert.equal(formatDatetime(MORNING, token, false), morning);
      assert.equal(formatDatetime(EVENING, token, false), evening);
    });
  }

  it('Do gives English ordinals: 1st 2nd 3rd 4th 11th 12th 13th 21st 22nd 31st', () => {
    const days = [1, 2, 3, 4, 11, 12, 13, 21, 22, 31].map((d) => formatDatetime(new Date(Date.UTC(2024, 0, d)), 'Do', false));
    assert.deepEqual(days, ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '31st']);
  });

  it('text in [brackets] stays literal, and other letters pass through', () => {
    assert.equal(formatDatetime(MORNING, '[Today is] dddd, MMMM Do YYYY [at] h:mm A', false), 'Today is Saturday, March 2nd 2024 at 9:04 AM');
  });

  it('a quoted format with spaces and an offset works through the resolver', () => {
    const resolver = createResolver({ filePath: '/w/api.http', fileVariables: [], environment: {}, processEnv: {}, prompts: {}, namedResponse: () => undefined }, { now: () => MORNING });
    assert.equal(resolver.expand('{{$datetime "dd Do MMM" 1 d}}', 0), 'Su 3rd Mar');
    assert.equal(resolver.expand("{{$datetime 'YYYY-MM-DD' -1 M}}", 0), '2024-02-02');
  });

  it('$localDatetime formats in the local time zone with its offset', () => {
    const offset = -MORNING.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const pad = (n: number): string => String(Math.floor(Math.abs(n))).padStart(2, '0');
    assert.equal(formatDatetime(MORNING, 'Z', true), `${sign}${pad(offset / 60)}:${pad(offset % 60)}`);
    assert.equal(formatDatetime(MORNING, 'H', true), String(MORNING.getHours()));
  });
});
