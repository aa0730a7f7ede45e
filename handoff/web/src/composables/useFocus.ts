import { nextTick, ref, toValue, type MaybeRefOrGetter } from 'vue';

/**
 * Where the focus goes when a screen or a panel changes. A keyboard or screen-reader user whose focused element
 * disappears is thrown back to the top of the page (the body); every screen therefore moves the focus itself,
 * after the change is drawn, to a place that says where they now are. When the intended place is not there
 * (the screen is still loading, the element was removed), the main region takes it instead, never the body.
 */
export async function moveFocus(target: MaybeRefOrGetter<HTMLElement | null | undefined>): Promise<void> {
  await nextTick();
  const element = toValue(target);
  if (element?.isConnected) {
    element.focus();
    return;
  }
  document.getElementById('main')?.focus();
}

/** A screen's heading (with tabindex="-1"), which takes the focus when the screen or what it shows changes. */
export function useScreenHeading() {
  const heading = ref<HTMLElement | null>(null);
  return { heading, focusHeading: () => moveFocus(heading) };
}
