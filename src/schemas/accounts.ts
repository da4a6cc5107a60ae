import { z } from 'zod';
import { enterpriseRoles } from './auth.js';
import { idSchema, nonEmptyText } from './common.js';
import { enterpriseInputSchema } from './org.js';

/** A login's name: letters, digits and _ . @ - (a phone number works too). */
export const usernameSchema = z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9_.@-]+$/);
export const mobileSchema = z.string().trim().regex(/^1\d{10}$/);
export const newPasswordSchema = z.string().min(8).max(200);
/** A worker's short PIN: 6 digits (with lockout after LOGIN_LOCKOUT_THRESHOLD wrong tries). */
export const pinSchema = z.string().trim().regex(/^\d{6}$/);

/** Roles the enterprise's principal and safety manager hand out (consultants and regulators are linked by the administrator). */
export const staffRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'worker'] as const;
export type StaffRole = (typeof staffRoles)[number];

// ---- first-run set-up and registration ----
/** The first login of a new enterprise: its principal or its safety manager. */
export const firstLoginSchema = z.strictObject({
  role: z.enum(['principal', 'safety_manager']),
  displayName: nonEmptyText(60),
  username: usernameSchema,
  phone: mobileSchema.optional(),
  password: newPasswordSchema,
});
export type FirstLoginInput = z.infer<typeof firstLoginSchema>;

export const setupStatusSchema = z.object({
  /** True while the installation has no enterprise and no user: the web app opens the set-up page. */
  isSetupNeeded: z.boolean(),
});

export const setupInputSchema = z.strictObject({
  enterprise: enterpriseInputSchema,
  firstLogin: firstLoginSchema,
});
export type SetupInput = z.infer<typeof setupInputSchema>;

/** The administrator or a consultant registers an enterprise and, in the same step, may create its first login. */
export const enterpriseRegistrationSchema = enterpriseInputSchema.extend({ firstLogin: firstLoginSchema.optional() });
export type EnterpriseRegistration = z.infer<typeof enterpriseRegistrationSchema>;

// ---- logins for the enterprise's people ----
export const accountMethods = ['invitation', 'password'] as const;
export const bulkAccountsSchema = z.strictObject({
  personIds: z.array(idSchema).min(1).max(500),
  role: z.enum(staffRoles),
  /** invitation: a link/QR the person opens on their phone to set a PIN; password: a one-time password to change at first login. */
  method: z.enum(accountMethods),
});
export type BulkAccountsInput = z.infer<typeof bulkAccountsSchema>;

export const issuedCredentialSchema = z.object({
  personId: z.string().nullable(),
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
  /** Shown once; the person must change it at the first login. */
  oneTimePassword: z.string().optional(),
  /** Path of the phone page that sets the PIN (/m/invite/<token>); shown once, used once. */
  invitationPath: z.string().optional(),
  invitationExpiresAt: z.string().optional(),
});
export type IssuedCredential = z.infer<typeof issuedCredentialSchema>;

export const bulkAccountsResultSchema = z.object({
  created: z.array(issuedCredentialSchema),
  /** People who already had a login in this enterprise: nothing was changed for them. */
  skipped: z.array(z.object({ personId: z.string(), displayName: z.string(), reason: z.enum(['has_login']) })),
});
export type BulkAccountsResult = z.infer<typeof bulkAccountsResultSchema>;

export const invitationInfoSchema = z.object({
  enterpriseName: z.string(),
  displayName: z.string(),
  username: z.string(),
  phone: z.string().nullable(),
  role: z.enum(enterpriseRoles),
  expiresAt: z.string(),
  /** Office roles also choose a password for the computer; workers only a PIN. */
  isPasswordAsked: z.boolean(),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

export const acceptInvitationSchema = z.strictObject({
  pin: pinSchema,
  password: newPasswordSchema.optional(),
});

// ---- remembered phones ----
/** Sign in on a phone that then stays signed in (a device session): phone number or username, with the PIN or the password. */
export const deviceLoginSchema = z.strictObject({
  login: z.string().trim().min(1).max(64),
  pin: z.string().trim().min(1).max(12).optional(),
  password: z.string().min(1).max(200).optional(),
});
/** The personal badge QR names the person; the PIN proves it is them (a photo of a badge is no key). */
export const badgeLoginSchema = z.strictObject({
  token: z.string().trim().min(20).max(100),
  pin: pinSchema,
});

export const deviceSessionDtoSchema = z.object({
  id: z.string(),
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
});
export type DeviceSessionDto = z.infer<typeof deviceSessionDtoSchema>;

export const badgeRequestSchema = z.strictObject({ userIds: z.array(idSchema).min(1).max(500) });
export const badgeDtoSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
  /** Path of the phone page the badge QR opens (/m/badge/<token>); a new print replaces the old badge. */
  badgePath: z.string(),
});
export type BadgeDto = z.infer<typeof badgeDtoSchema>;

// ---- the administrator links consultants and regulators ----
export const enterpriseMemberDtoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(enterpriseRoles),
});
export type EnterpriseMemberDto = z.infer<typeof enterpriseMemberDtoSchema>;
