import { describe, expect, it } from 'vitest';
import { AnswerHeaders } from './keep-alive-fetcher.js';

describe('the headers of a subgraph answer (AnswerHeaders)', () => {
  it('are read whatever the case of the name, a repeated one with its values joined as Headers joins them', () => {
    const headers = new AnswerHeaders([['Content-Type', 'application/json; charset=utf-8'], ['vary', 'accept'], ['Vary', 'origin']]);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('CONTENT-TYPE')).toBe('application/json; charset=utf-8');
    expect(headers.get('vary')).toBe(new Headers([['vary', 'accept'], ['Vary', 'origin']]).get('vary'));
    expect(headers.get('x-missing')).toBeNull();
    expect(headers.has('Vary')).toBe(true);
    expect([...headers]).toEqual([['content-type', 'application/json; charset=utf-8'], ['vary', 'accept, origin']]);
  });

  it('can be changed as Headers can', () => {
    const headers = new AnswerHeaders([['vary', 'accept'], ['vary', 'origin']]);
    headers.set('Vary', '*');
    expect(headers.get('vary')).toBe('*');
    headers.append('x-a', '1');
    headers.delete('VARY');
    expect([...headers.keys()]).toEqual(['x-a']);
    expect([...headers.values()]).toEqual(['1']);
  });
});
