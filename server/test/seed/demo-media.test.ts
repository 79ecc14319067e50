import { INVITATION_DAYS } from '@p2p/contracts';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  DEMO_INVITATIONS,
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  PLACEHOLDER_SIZE,
  colourOf,
  initialsOf,
  renderPlaceholder,
} from '../../src/tools/seed/index.js';

const ARABIC = /[\u0600-\u06FF]/;

/** WCAG contrast of white text on this colour. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('placeholder images', () => {
  it('takes two Latin capitals from a name', () => {
    expect(initialsOf('Jubail Polymers')).toBe('JP');
    expect(initialsOf('Al-Kharj Pharmaceutical Industries')).toBe('KP');
    expect(initialsOf('Madinah Paper & Packaging')).toBe('MP');
    expect(initialsOf('Faisal Al-Otaibi')).toBe('FO');
    expect(initialsOf('Platform')).toBe('PL');
    expect(initialsOf('x')).toBe('XX');
    expect(initialsOf('شركة المنصة')).toBe('XX');
    for (const name of [...DEMO_ORGANIZATIONS.map((o) => o.name), ...DEMO_USERS.map((u) => `${u.firstName} ${u.lastName}`)]) {
      expect(initialsOf(name), name).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('derives a stable colour from the name, dark enough for white initials', () => {
    const colours = DEMO_ORGANIZATIONS.map((o) => colourOf(o.name));
    expect(DEMO_ORGANIZATIONS.map((o) => colourOf(o.name))).toEqual(colours);
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(colours).size).toBeGreaterThanOrEqual(DEMO_ORGANIZATIONS.length - 1);
  });

  it('falls back to a geometric mark without text, still a square PNG with white on the colour', async () => {
    const input = { initials: 'JP', seed: 'Jubail Polymers' };
    const [text, mark, round] = await Promise.all([
      renderPlaceholder({ ...input, withText: true }),
      renderPlaceholder({ ...input, withText: false }),
      renderPlaceholder({ ...input, withText: false, round: true }),
    ]);
    for (const png of [text, mark, round]) {
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', PLACEHOLDER_SIZE, PLACEHOLDER_SIZE]);
      expect((await sharp(png).stats()).channels.slice(0, 3).map((c) => c.max)).toEqual([255, 255, 255]);
    }
    expect(mark.equals(text)).toBe(false);
    const corner = await sharp(round).ensureAlpha().extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer();
    expect(corner[3]).toBe(0);
  });
});

describe('demo invitations (fixed data)', () => {
  const domainOf = (key: string) => DEMO_ORGANIZATIONS.find((o) => o.key === key)!.domain;

  it('covers every state in more than one organization, on the organizations’ own domains', () => {
    for (const state of ['pending', 'expired', 'accepted', 'cancelled'] as const) {
      expect(new Set(DEMO_INVITATIONS.filter((i) => i.state === state).map((i) => i.organization)).size, state).toBeGreaterThanOrEqual(2);
    }
    const keys = DEMO_INVITATIONS.map((i) => `${i.organization} ${i.email}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const invitation of DEMO_INVITATIONS) {
      expect(invitation.email).toBe(invitation.email.toLowerCase());
      expect(invitation.email.endsWith(`@${domainOf(invitation.organization)}`), invitation.email).toBe(true);
      expect(DEMO_USERS.some((u) => u.organization === invitation.organization && u.role === 'admin')).toBe(true);
      if (invitation.message !== null) expect(ARABIC.test(invitation.message), invitation.email).toBe(invitation.language === 'ar');
    }
  });

  it('accepted ones belong to a demo user of that organization with that role; the others to no account', () => {
    for (const invitation of DEMO_INVITATIONS) {
      const user = DEMO_USERS.find((u) => u.email === invitation.email);
      if (invitation.state === 'accepted') {
        expect(user, invitation.email).toBeDefined();
        expect([user!.organization, user!.role]).toEqual([invitation.organization, invitation.role]);
      } else {
        expect(user, invitation.email).toBeUndefined();
      }
    }
  });

  it('dates them so that pending ones are still valid and expired ones are past their time', () => {
    for (const invitation of DEMO_INVITATIONS) {
      if (invitation.state === 'expired') expect(invitation.sentDaysAgo).toBeGreaterThan(INVITATION_DAYS);
      else if (invitation.state !== 'cancelled') expect(invitation.sentDaysAgo).toBeLessThan(INVITATION_DAYS);
      expect(invitation.sentDaysAgo).toBeGreaterThan(0);
    }
  });
});
