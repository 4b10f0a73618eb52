import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EMPTY_QUERY } from '@/lib/query';
import { requestSearch, wordsQuery } from '@/lib/search-request';
import { lastQuery, searchRequest } from '@/lib/settings';

describe('wordsQuery', () => {
  test('searches the words, trimmed, their spaces tidied, anywhere and any date', () => {
    expect(wordsQuery('  Open \n\t Mic  ')).toEqual({ ...EMPTY_QUERY, text: 'Open Mic' });
  });

  test('cuts a long selection to 200 characters', () => {
    const text = wordsQuery(`${'a'.repeat(150)} ${'b'.repeat(100)}`)?.text;
    expect(text).toBe(`${'a'.repeat(150)} ${'b'.repeat(49)}`);
    expect(text).toHaveLength(200);
  });

  test('whitespace alone, or nothing, is no search', () => {
    expect(wordsQuery(' \n\t ')).toBeUndefined();
    expect(wordsQuery('')).toBeUndefined();
    expect(wordsQuery(undefined)).toBeUndefined();
  });
});

describe('requestSearch', () => {
  beforeEach(() => fakeBrowser.reset());

  test('the next popup opens on it, and the open ones hear who asked', async () => {
    const heard: unknown[] = [];
    searchRequest.watch((request) => heard.push(request));
    const query = { ...EMPTY_QUERY, text: 'jazz' };
    await requestSearch(query, 'menu');
    expect(await lastQuery.getValue()).toEqual(query);
    expect(heard).toEqual([{ query, from: 'menu', at: expect.any(Number) }]);
  });

  test('the same words asked for again are heard again', async () => {
    const heard: unknown[] = [];
    searchRequest.watch((request) => heard.push(request));
    const query = { ...EMPTY_QUERY, text: 'jazz' };
    await requestSearch(query, 'menu');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await requestSearch(query, 'menu');
    expect(heard).toHaveLength(2);
  });
});
