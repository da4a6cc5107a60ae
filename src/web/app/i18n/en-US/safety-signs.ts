import type { SafetySignsMessages } from '../zh-CN/safety-signs';

/** English — safety signs (seed 001 Art. 11). */
export const safetySignsMessages: SafetySignsMessages = {
  signUi: {
    nav: 'Safety signs',
    title: 'Safety sign register',
    hint: 'Register the safety signs of each area and equipment item in the four GB 2894 categories: prohibition, warning, mandatory, information. Art. 11: places and equipment with significant hazards must carry clear warning signs; each area’s signs are checked monthly by its checking post (an item of that post’s inspection list, effective once published).',
    add: 'Register a sign',
    saved: 'Registered; the area’s sign check was updated — publish the post’s inspection list for it to run',
    archive: 'Taken down',
    archiveConfirm: 'Has the sign been taken down? The record is kept as taken down.',
    field: {
      category: 'Category',
      common: 'Common sign',
      name: 'Sign',
      place: 'Area / equipment',
      area: 'Area',
      areaHint: 'May stay empty when equipment is chosen: the equipment’s area is used',
      equipment: 'Equipment',
      location: 'Where',
      quantity: 'Quantity',
      installedOn: 'Installed on',
      photo: 'Photo',
      checkPost: 'Checking post',
      checkPostHint: 'Named with the area’s first sign; empty: a post working in the area',
    },
    gaps: {
      title: '{{count}} places or equipment items at significant or major risk have no warning sign (Art. 11)',
      kind: { area: 'Area', equipment: 'Equipment' },
      open: 'Register one',
    },
    checks: {
      title: 'Each area’s sign check (monthly, on a post’s inspection list)',
      by: 'Checking post: {{post}}',
      draft: 'Not yet published',
      published: 'Published',
      openList: 'Open the inspection list',
    },
  },
};
