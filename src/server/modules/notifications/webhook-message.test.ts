import { describe, expect, it } from 'vitest';
import { backoffMinutes } from '../../platform/outbox/outbox.service.js';
import { webhookBody } from './webhook-message.js';

describe('webhookBody', () => {
  const message = { title: '新隐患待确认', body: '车床防护罩缺失', link: '/hazards/1' };
  it('speaks the WeCom group robot markdown shape', () => {
    expect(webhookBody('wecom', message)).toEqual({ msgtype: 'markdown', markdown: { content: '### 新隐患待确认\n车床防护罩缺失\n\n> /hazards/1' } });
  });
  it('speaks the DingTalk custom robot markdown shape, with a title', () => {
    expect(webhookBody('dingtalk', message)).toEqual({ msgtype: 'markdown', markdown: { title: '新隐患待确认', text: '### 新隐患待确认\n车床防护罩缺失\n\n> /hazards/1' } });
  });
});

describe('backoffMinutes', () => {
  it('doubles from one minute and stops at six hours', () => {
    expect([1, 2, 3, 4, 5].map(backoffMinutes)).toEqual([1, 2, 4, 8, 16]);
    expect(backoffMinutes(20)).toBe(360);
  });
});
