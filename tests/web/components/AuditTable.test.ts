/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { AuditEntry } from '../../../handoff/web/src/api/types';
import AuditTable from '../../../handoff/web/src/components/AuditTable.vue';
import { i18n } from '../../../handoff/web/src/i18n';

/** The audit table's target column: a conversation's key short and whole in its title, the office hours in words. */

const entries = [
  { id: 'e1', at: 1, actor: 'o1', actorName: 'สมศรี', action: 'handoff.claim', target: 'directline/d8YvpRODvsBRWEHTzxIEw', conversation: 'ZGlyZWN0bGluZQ' },
  { id: 'e2', at: 2, actor: 'o1', actorName: 'สมศรี', action: 'content.officeHours', target: 'officeHours' },
] as unknown as AuditEntry[];

test.each([
  ['th', 'เวลาทำการและวันหยุด'],
  ['en', 'Office hours and holidays'],
] as const)('in %s: the key shortened with the whole in a title; "officeHours" in words', async (lang, hours) => {
  i18n.global.locale.value = lang;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)', component: { template: '<div />' } }] });
  const table = mount(AuditTable, { props: { entries, officers: [] }, global: { plugins: [i18n, router] } });
  const targets = table.findAll('td.audit-target');
  const link = targets[0].find('a');
  expect(link.text()).toBe('directline/d8YvpROD…');
  expect(link.attributes('title')).toBe('directline/d8YvpRODvsBRWEHTzxIEw');
  expect(link.classes()).toContain('audit-key');
  expect(targets[1].text()).toBe(hours);
  table.unmount();
  i18n.global.locale.value = 'th';
});
