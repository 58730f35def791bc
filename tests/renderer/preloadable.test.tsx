import { act, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../src/renderer/src/app/preloadable';

let mounts = 0;
function Page() {
  const [mountedAs] = useState(() => ++mounts);
  return <p>сторінка, змонтована {mountedAs}-й раз</p>;
}

describe('preloadable', () => {
  it('draws code fetched ahead of time in the first render, without the fallback', async () => {
    const code = preloadable(() => Promise.resolve({ default: Page }));
    await code.load();
    mounts = 0;
    render(
      <Suspense fallback={<p>завантаження</p>}>
        <code.component />
      </Suspense>,
    );
    // Synchronously: no suspension, so React has no fallback to show and nothing to hold back.
    expect(screen.getByText('сторінка, змонтована 1-й раз')).toBeTruthy();
    expect(screen.queryByText('завантаження')).toBeNull();
  });

  it('shows the fallback while the code is on its way, and keeps the page mounted once it has come', async () => {
    let arrive: (module: { default: typeof Page }) => void = () => undefined;
    const code = preloadable(() => new Promise((resolve) => (arrive = resolve)));
    mounts = 0;
    const view = render(
      <Suspense fallback={<p>завантаження</p>}>
        <code.component />
      </Suspense>,
    );
    expect(screen.getByText('завантаження')).toBeTruthy();
    await act(async () => arrive({ default: Page }));
    expect(await screen.findByText('сторінка, змонтована 1-й раз')).toBeTruthy();
    view.rerender(
      <Suspense fallback={<p>завантаження</p>}>
        <code.component />
      </Suspense>,
    );
    expect(screen.getByText('сторінка, змонтована 1-й раз')).toBeTruthy();
  });
});
