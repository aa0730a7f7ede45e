import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import DeskScreen from './screens/DeskScreen.vue';

/**
 * The app's screens. Hash URLs (/officer#/c/<id>) so that the service serves one page and every link an officer
 * keeps (a conversation, a complaint, a notification's) opens where it points.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'queue', component: DeskScreen },
  { path: '/c/:id', name: 'conversation', component: DeskScreen, props: true },
  { path: '/complaint/:number?', name: 'complaint', component: () => import('./screens/ComplaintScreen.vue'), props: true },
  { path: '/accounts', name: 'accounts', component: () => import('./screens/AccountsScreen.vue'), meta: { admin: true } },
  { path: '/hours', name: 'hours', component: () => import('./screens/HoursScreen.vue') },
  { path: '/audit', name: 'audit', component: () => import('./screens/AuditScreen.vue'), meta: { admin: true } },
  { path: '/canned', name: 'canned', component: () => import('./screens/CannedScreen.vue'), meta: { admin: true } },
  { path: '/:rest(.*)', redirect: '/' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });
