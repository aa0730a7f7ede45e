/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import CentrePicker from '../../../handoff/web/src/components/CentrePicker.vue';
import { i18n } from '../../../handoff/web/src/i18n';

/** The centre picker by keyboard, as a combobox: arrows, Enter (never sending the form), Escape, and where the focus stays. */

const CENTRES = [
  { code: '51', name: { th: 'ศูนย์ดำรงธรรมจังหวัดลำพูน', en: 'Lamphun Provincial Damrongdham Center' } },
  { code: '5101', name: { th: 'ศูนย์ดำรงธรรมอำเภอเมืองลำพูน', en: 'Mueang Lamphun District Damrongdham Center' } },
];

beforeEach(() => {
  jest.useFakeTimers();
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async () => ({ ok: true, status: 200, headers: { get: () => 'application/json' }, json: async () => ({ centres: CENTRES }) }));
});
afterEach(() => jest.useRealTimers());

/** The picker in a form, as the account form has it: what the form sent and what was chosen are kept. */
function mountInForm() {
  const submitted = ref(0);
  const chosen = ref<string[]>([]);
  const Host = defineComponent(() => () =>
    h('form', { onSubmit: (event: Event) => { event.preventDefault(); submitted.value += 1; } }, [
      h(CentrePicker, { id: 'centres', label: 'ศูนย์', multiple: true, modelValue: chosen.value, 'onUpdate:modelValue': (codes: string[]) => (chosen.value = codes) }),
    ]),
  );
  const wrapper = mount(Host, { global: { plugins: [i18n] }, attachTo: document.body });
  return { wrapper, submitted, chosen };
}

async function search(wrapper: ReturnType<typeof mountInForm>['wrapper'], typed: string) {
  const input = wrapper.find('input');
  (input.element as HTMLInputElement).focus();
  await input.setValue(typed);
  jest.advanceTimersByTime(150);
  await flushPromises();
  return input;
}

test('the arrows move the highlight, announced by aria-activedescendant; Enter picks it without sending the form; the focus stays in the field', async () => {
  const { wrapper, submitted, chosen } = mountInForm();
  const input = await search(wrapper, 'ลำพูน');
  expect(input.attributes('role')).toBe('combobox');
  expect(input.attributes('aria-expanded')).toBe('true');
  const options = wrapper.findAll('[role="option"]');
  expect(options.map((option) => option.text())).toEqual(['ศูนย์ดำรงธรรมจังหวัดลำพูน (51)', 'ศูนย์ดำรงธรรมอำเภอเมืองลำพูน (5101)']);
  expect(input.attributes('aria-activedescendant')).toBeUndefined();

  // Enter with nothing highlighted: nothing chosen, and still no form sent while the list is open.
  await input.trigger('keydown', { key: 'Enter' });
  expect(chosen.value).toEqual([]);

  await input.trigger('keydown', { key: 'ArrowDown' });
  await input.trigger('keydown', { key: 'ArrowDown' });
  expect(input.attributes('aria-activedescendant')).toBe(options[1].attributes('id'));
  expect(options[1].attributes('aria-selected')).toBe('true');
  await input.trigger('keydown', { key: 'ArrowDown' });
  expect(input.attributes('aria-activedescendant')).toBe(options[0].attributes('id'));
  await input.trigger('keydown', { key: 'ArrowUp' });
  expect(input.attributes('aria-activedescendant')).toBe(options[1].attributes('id'));

  const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, bubbles: true });
  input.element.dispatchEvent(enter);
  await flushPromises();
  expect(enter.defaultPrevented).toBe(true);
  expect(chosen.value).toEqual(['5101']);
  expect(submitted.value).toBe(0);
  expect(document.activeElement).toBe(input.element);
  expect((input.element as HTMLInputElement).value).toBe('');
  expect(input.attributes('aria-expanded')).toBe('false');
  wrapper.unmount();
});

test('Escape closes the list and goes no further (the panel around stays open); with the list closed, Enter is the form’s again', async () => {
  const { wrapper, chosen } = mountInForm();
  const input = await search(wrapper, '51');
  const outer = jest.fn();
  wrapper.element.addEventListener('keydown', outer);
  await input.trigger('keydown', { key: 'Escape' });
  expect(input.attributes('aria-expanded')).toBe('false');
  expect(wrapper.find('[role="listbox"]').isVisible()).toBe(false);
  expect(outer).not.toHaveBeenCalled();
  // A second Escape is no longer the list's: it reaches the form (which may close).
  await input.trigger('keydown', { key: 'Escape' });
  expect(outer).toHaveBeenCalledTimes(1);
  const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, bubbles: true });
  input.element.dispatchEvent(enter);
  expect(enter.defaultPrevented).toBe(false);
  // ArrowDown opens the list again at its first match.
  await input.trigger('keydown', { key: 'ArrowDown' });
  expect(input.attributes('aria-expanded')).toBe('true');
  expect(input.attributes('aria-activedescendant')).toBe(wrapper.findAll('[role="option"]')[0].attributes('id'));
  expect(chosen.value).toEqual([]);
  wrapper.unmount();
});

test('a click on a match picks it and the focus stays in the field, not on the new chip’s Remove button', async () => {
  const { wrapper, chosen } = mountInForm();
  const input = await search(wrapper, 'ลำพูน');
  await wrapper.findAll('[role="option"]')[0].trigger('click');
  expect(chosen.value).toEqual(['51']);
  expect(document.activeElement).toBe(input.element);
  wrapper.unmount();
});
