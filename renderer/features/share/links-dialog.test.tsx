/** The links dialog refuses a selection larger than one request may carry before anything is asked of main. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINKS_PER_REQUEST } from '../../../shared/contract/share';
import { initI18n } from '../../i18n';
import { LinksDialog } from './links-dialog';

beforeAll(() => {
  initI18n('en');
});
afterEach(() => cleanup());

const target = (n: number) => ({ profileId: 'p', bucket: 'b', prefix: 'in/', keys: Array.from({ length: n }, (_, i) => `in/file-${i}.txt`) });

describe('LinksDialog', () => {
  it(`says when more than ${MAX_LINKS_PER_REQUEST} files are selected and does not offer to make links`, () => {
    render(<LinksDialog target={target(MAX_LINKS_PER_REQUEST + 1)} onClose={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toBe(`${MAX_LINKS_PER_REQUEST + 1} files are selected; links can be made for at most ${MAX_LINKS_PER_REQUEST} at a time. Select fewer files, or share the folder with temporary access.`);
    expect((screen.getByRole('button', { name: `Make ${MAX_LINKS_PER_REQUEST + 1} links` }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers to make links for a selection within the limit', () => {
    render(<LinksDialog target={target(MAX_LINKS_PER_REQUEST)} onClose={() => undefined} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: `Make ${MAX_LINKS_PER_REQUEST} links` }) as HTMLButtonElement).disabled).toBe(false);
  });
});
