import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenLink } from '../../../shared/contract/desktop';
import { endpointSchema, type ProfileView } from '../../../shared/profile-types';
import { initI18n } from '../../i18n';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { openRequestStore } from '../../state/open-request';
import { selectionStore } from '../../state/selection-store';
import { decideLink, linkAddress } from './link-choice';
import { LinkOpener } from './link-opener';

let bridge: TestBridge | undefined;
beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  selectionStore.set({ profileId: null, openAt: null, bucket: null });
  openRequestStore.set({ request: null });
});

const view = (id: string, name: string): ProfileView => ({ id, name, type: 'access-key', settings: {}, endpoint: endpointSchema.parse({}), createdAt: '', updatedAt: '', sessionOnly: false });
const link = (candidates: OpenLink['candidates']): OpenLink => ({ bucket: 'my-bucket', prefix: 'photos/2024/', candidates });

/** A bridge whose desktop:take-link answers from a queue the test fills. */
function bridgeWith(queue: Array<OpenLink | null>): TestBridge {
  return installTestBridge({
    'desktop:take-link': () => queue.shift() ?? null,
    'desktop:set-language': () => undefined,
    'profiles:open': ({ id }) => ({ profile: view(id, id) }),
  });
}

describe('decideLink', () => {
  it('opens with the only candidate, asks among several, explains when there is none', () => {
    expect(decideLink(link([{ id: 'p1', name: 'Work' }]))).toEqual({ kind: 'open', profileId: 'p1', profileName: 'Work' });
    expect(decideLink(link([{ id: 'p1', name: 'Work' }, { id: 'p2', name: 'Home' }]))).toEqual({ kind: 'choose' });
    expect(decideLink(link([]))).toEqual({ kind: 'none' });
    expect(linkAddress({ bucket: 'b-1', prefix: 'a/', focusName: 'x.txt' })).toBe('oss://b-1/a/x.txt');
  });
});

describe('LinkOpener', () => {
  it('opens a link waiting at start in the only profile that may reach it, at that folder', async () => {
    bridge = bridgeWith([link([{ id: 'p1', name: 'Work' }])]);
    render(<LinkOpener />);
    await waitFor(() => expect(openRequestStore.get().request).toMatchObject({ profileId: 'p1', location: { bucket: 'my-bucket', prefix: 'photos/2024/' } }));
    expect(selectionStore.get()).toMatchObject({ profileId: 'p1', bucket: 'my-bucket' });
    expect(bridge.calls.map((c) => c.channel)).toContain('profiles:open');
    expect(bridge.calls).toContainEqual({ channel: 'desktop:set-language', input: { language: 'en' } });
  });

  it('passes the object a link named on to the browser, to select and focus it', async () => {
    bridge = bridgeWith([{ ...link([{ id: 'p1', name: 'Work' }]), focusName: 'beach.jpg' }]);
    render(<LinkOpener />);
    await waitFor(() => expect(openRequestStore.get().request).toMatchObject({ profileId: 'p1', location: { bucket: 'my-bucket', prefix: 'photos/2024/' }, focusName: 'beach.jpg' }));
  });

  it('asks which profile when several may reach the link, and opens the chosen one', async () => {
    // The first take answers "none" but its reply is still on the way when the link arrives.
    let answerFirst: (value: null) => void = () => undefined;
    const queue: Array<OpenLink | null> = [];
    let takes = 0;
    bridge = installTestBridge({
      'desktop:take-link': () => (++takes === 1 ? new Promise<null>((resolve) => (answerFirst = resolve)) : (queue.shift() ?? null)),
      'desktop:set-language': () => undefined,
      'profiles:open': ({ id }) => ({ profile: view(id, id) }),
    });
    render(<LinkOpener />);
    await waitFor(() => expect(takes).toBe(1));
    queue.push(link([{ id: 'p1', name: 'Work' }, { id: 'p2', name: 'Home' }]));
    act(() => bridge!.emit('desktop:link-waiting', { waiting: 1 }));
    await act(async () => answerFirst(null));
    const dialog = await screen.findByTestId('link-profile-dialog');
    expect(dialog.textContent).toContain('Several profiles may open oss://my-bucket/photos/2024/');
    expect(document.activeElement?.textContent).toBe('Work');
    fireEvent.click(screen.getByRole('button', { name: 'Home' }));
    await waitFor(() => expect(openRequestStore.get().request).toMatchObject({ profileId: 'p2' }));
    expect(screen.queryByTestId('link-profile-dialog')).toBeNull();
  });

  it('explains, in plain words, when no profile can open the link; navigating nowhere', async () => {
    bridge = bridgeWith([link([])]);
    render(<LinkOpener />);
    const dialog = await screen.findByTestId('link-no-profile-dialog');
    expect(dialog.textContent).toContain('None of your profiles can open oss://my-bucket/photos/2024/');
    expect(openRequestStore.get().request).toBeNull();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('link-no-profile-dialog')).toBeNull();
  });
});
