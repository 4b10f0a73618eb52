import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface LaunchHints {
  /** The shortcut that opens the popup, as the browser shows it; empty when the user has none. */
  shortcut?: string;
  /** Whether the button is in the toolbar; undefined until known (or where the browser cannot say). */
  pinned?: boolean;
}

/**
 * How this user can open Event Scout. No API can pin the button: Chrome puts a new extension in its
 * extensions menu, so the page says how to pin it, for as long as it is not.
 */
export function useLaunchHints(): LaunchHints {
  const [hints, setHints] = useState<LaunchHints>({});
  useEffect(() => {
    const read = async () => {
      const [commands, settings] = await Promise.all([
        browser.commands.getAll(),
        browser.action.getUserSettings?.().catch(() => undefined),
      ]);
      setHints({
        shortcut: commands.find((command) => command.name === '_execute_action')?.shortcut ?? '',
        pinned: settings?.isOnToolbar,
      });
    };
    const reread = () => void read();
    reread();
    // Pinned (or a shortcut set) in another tab: the hints follow when the user comes back.
    window.addEventListener('focus', reread);
    return () => window.removeEventListener('focus', reread);
  }, []);
  return hints;
}
