/** One page of each type the site has, for the axe and screenshot sweeps. */
export const pageTypes = [
  ['home', '/'],
  ['dashboard', '/phase-7/'],
  ['task', '/phase-7/tasks/task-7.4-release-prep/'],
  ['activity', '/phase-7/activity/'],
  ['timeline', '/phase-7/timeline/'],
  ['report', '/phase-7/report/'],
  ['releases', '/releases/'],
  ['release', '/releases/2.0.0/'],
  ['versions', '/v/'],
  ['search', '/search/'],
  ['not-found', '/no-such-page/'],
] as const;
