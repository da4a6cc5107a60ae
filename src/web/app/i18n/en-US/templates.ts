import type { TemplatesMessages } from '../zh-CN/templates';

/** English — industry templates and the set-up wizard; the type keeps the keys identical to zh-CN/templates.ts. */
export const templatesMessages: TemplatesMessages = {
  templateUi: {
    nav: { wizard: 'Template wizard', newEnterprise: 'New enterprise', setup: 'Enterprise set-up' },
    wizard: {
      title: 'Post template wizard',
      hint: 'Pick an industry template for "{{name}}": posts, evaluated risks, control measures and inspection items are created at once, all editable afterwards.',
      stepIndustry: 'Industry',
      stepPosts: 'Posts',
      stepConfirm: 'Confirm',
      stepDone: 'Done',
      yourIndustry: 'Your industry',
      postCount: '{{count}} typical posts',
      postsHint: 'All ticked by default; adjust headcounts and attach non-routine risk sets (confined space, hot work, temporary electricity, work at height, maintenance) where needed.',
      riskCount: 'Risks',
      measureCount: 'Measures',
      highestLevel: 'Highest level',
      riskSets: 'Non-routine work',
      riskSetsPlaceholder: 'None',
      next: 'Next',
      back: 'Back',
      confirmText: 'The {{industry}} template will create {{posts}} posts, about {{risks}} risks, {{measures}}+ control measures and their inspection items.',
      confirmHint: 'Check and adapt each post to your enterprise afterwards. Applying again creates the posts again.',
      apply: 'Create',
      doneTitle: 'Created from the template',
      doneCounts: '{{posts}} posts, {{risks}} risks, {{measures}} control measures, {{items}} inspection items.',
      toPosts: 'See the posts',
      toRegister: 'See the risk register',
    },
    newEnterprise: {
      title: 'New enterprise',
      hint: 'Register the enterprise; you enter it at once and go on to the template wizard.',
      adminNote: 'The administrator joins the new enterprise as its consultant to set it up.',
      creditCodeHint: '18 characters, checked per GB 32100',
      regionHint: '6-digit administrative division code, e.g. 370102',
      submit: 'Create and enter',
      back: 'Back',
      created: '"{{name}}" created',
    },
  },
};
