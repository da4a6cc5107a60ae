import { z } from 'zod';
import { locales } from '../i18n/locale.js';
import { idSchema } from './common.js';

export const enterpriseRoles = [
  'principal',
  'safety_manager',
  'dept_head',
  'team_leader',
  'worker',
  'consultant',
  'regulator',
] as const;
export type EnterpriseRole = (typeof enterpriseRoles)[number];

/** Who may change an enterprise's set-up: its principal, its safety manager, its consultant. */
export const managerRoles = ['principal', 'safety_manager', 'consultant'] as const satisfies readonly EnterpriseRole[];
/** Everyone attached to the enterprise, including its regulator (read-only). */
export const allRoles = enterpriseRoles;

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const passwordSchema = z.string().min(8).max(200);

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const updateMeSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60).optional(),
  locale: z.enum(locales).optional(),
});

export const switchEnterpriseSchema = z.strictObject({ enterpriseId: idSchema });

export const membershipDtoSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  role: z.enum(enterpriseRoles),
});

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    locale: z.enum(locales).nullable(),
    /** A one-time password was used: the web app asks for a new one before anything else. */
    mustChangePassword: z.boolean(),
  }),
  /** office: idle/absolute limits; device: a remembered phone (DEVICE_SESSION_DAYS), revocable by the safety manager. */
  sessionKind: z.enum(['office', 'device']),
  memberships: z.array(membershipDtoSchema),
  activeEnterpriseId: z.string().nullable(),
  /** The session was in an enterprise it may no longer work in (left the regulator's jurisdiction, the consultant's engagement ended). */
  hasLostEnterprise: z.boolean(),
  role: z.enum(enterpriseRoles).nullable(),
  /** The person record this login is in the active enterprise, and the posts that person holds. */
  personId: z.string().nullable(),
  postIds: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

/** An account of the active enterprise (principal and safety manager manage these). */
export const createAccountSchema = z.strictObject({
  username: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().trim().min(1).max(60),
  phone: z.string().trim().regex(/^1\d{10}$/).optional(),
  password: passwordSchema,
  role: z.enum(['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker']),
  personId: idSchema.optional(),
});
export const accountDtoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(enterpriseRoles),
  personId: z.string().nullable(),
  phone: z.string().nullable(),
  /** The person has chosen a PIN (an accepted invitation): their phone can sign in with phone number + PIN. */
  hasPin: z.boolean(),
});
export type AccountDto = z.infer<typeof accountDtoSchema>;
