import { CalendarError, calendarResponse, officeHoursResponse, parseCalendar } from '../../lib/contract/officer';
import { holidayChanges } from '../../lib/handoff/officeHours';
import type { ResourceContext } from './context';
import { invalid } from './errors';

/** Office hours: everyone reads them; admins change them. */
export function officeHoursRoutes({ deps, router, now }: ResourceContext): void {
  router.route({
    method: 'get',
    path: '/office-hours',
    access: 'officer',
    response: officeHoursResponse,
    handle: async () => {
      const hours = deps.handoffs.officeHours();
      const at = now();
      const calendar = deps.content.officeHours();
      return {
        calendar: { weekly: calendar.weekly.map((day) => day.map((span) => ({ ...span }))), holidays: calendar.holidays.map((holiday) => ({ ...holiday })) },
        openNow: hours.isOpen(at),
        nextOpening: hours.nextOpening(at) ?? null,
      };
    },
  });

  router.route({
    method: 'put',
    path: '/office-hours',
    access: 'admin',
    adminAction: 'change office hours',
    // The whole calendar is checked by parseCalendar, the rule the app's form runs too.
    readsJson: true,
    response: calendarResponse,
    handle: async ({ req, caller }) => {
      let calendar;
      try {
        calendar = parseCalendar(req.body);
      } catch (error) {
        if (error instanceof CalendarError) throw invalid(error.problem.field || 'body', error.problem.rule, error.message, error.problem.limit);
        throw error;
      }
      const before = deps.content.officeHours();
      await deps.content.setOfficeHours(calendar, caller.officer._id);
      const weeklyChanged = JSON.stringify(before.weekly) !== JSON.stringify(calendar.weekly);
      await deps.audit.record(caller.officer._id, 'content.officeHours', 'officeHours', { holidays: holidayChanges(before, calendar), weeklyChanged });
      const saved = deps.content.officeHours();
      return { calendar: { weekly: saved.weekly.map((day) => day.map((span) => ({ ...span }))), holidays: saved.holidays.map((holiday) => ({ ...holiday })) } };
    },
  });
}
