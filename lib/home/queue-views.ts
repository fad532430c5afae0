import type { AgreementStatus, CaseStatus, MeetingStatus, TargetGroup, UserRole } from '@/db/schema';
import type { IsoDay } from '@/lib/calendar/calendar-day';
import type { CaseCount } from '@/lib/dashboard/small-cells';
import type { SignalLevelName } from '@/lib/signals/levels';

/*
 * What the home page shows each role: its work queue. Each item carries what its link needs (the action is
 * one click away); no item carries more than its role may see (a manager's carry no case name, no case id).
 */

export interface ReferralItem {
  caseId: string;
  number: string;
  status: CaseStatus;
  targetGroup: TargetGroup;
  municipality: string;
  referredAt: Date;
  /** The last day of the answer norm, and the working days left until it (0: today; negative: late). */
  answerBy: IsoDay;
  workingDaysLeft: number;
  mine: boolean;
  unassigned: boolean;
}

export interface MeetingItem {
  meetingId: string;
  title: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  items: number;
}

export interface BlockedItem {
  agreementId: string;
  caseId: string;
  caseNumber: string;
  description: string;
  ownerName: string;
  blockedAt: Date;
  reason: string | null;
}

export interface CaseWithoutMeeting {
  caseId: string;
  number: string;
  status: CaseStatus;
  targetGroup: TargetGroup;
}

export interface RegisseurQueue {
  role: 'regisseur';
  today: IsoDay;
  referralNorm: number;
  referrals: ReferralItem[];
  meetingsToday: MeetingItem[];
  meetingsComing: MeetingItem[];
  signalsByLevel: { level: SignalLevelName; count: number }[];
  /** The marker "since your last visit": null on a first visit (then every blocked agreement shows). */
  lastVisit: Date | null;
  blocked: BlockedItem[];
  withoutMeeting: CaseWithoutMeeting[];
}

export interface PartnerAgreementItem {
  agreementId: string;
  caseId: string;
  caseNumber: string;
  description: string;
  dueDate: IsoDay;
  status: AgreementStatus;
  overdue: boolean;
  blocked: boolean;
  namedToMe: boolean;
}

export interface StatusRequestItem {
  meetingId: string;
  title: string;
  startsAt: Date;
  dueDate: IsoDay;
  late: boolean;
  agreements: number;
  reported: number;
}

export interface ConvenedItem {
  caseId: string;
  number: string;
  targetGroup: TargetGroup;
  convenedAt: Date;
}

export interface ProfessionalQueue {
  role: 'professional';
  today: IsoDay;
  overdue: PartnerAgreementItem[];
  dueThisWeek: PartnerAgreementItem[];
  statusRequests: StatusRequestItem[];
  newlyConvened: ConvenedItem[];
}

export interface EscalationItem {
  notificationId: string;
  title: string;
  caseNumber: string | null;
  at: Date;
  unread: boolean;
}

export interface ManagerQueue {
  role: 'manager';
  week: { from: IsoDay; to: IsoDay };
  figures: {
    newReferrals: CaseCount;
    activeCases: CaseCount;
    openAgreements: number;
    overdueAgreements: number;
    triagedCases: CaseCount;
    closedCases: CaseCount;
  };
  signalsAtManager: number;
  escalations: EscalationItem[];
}

export interface AdminQueue {
  role: 'admin';
  grantsToDecide: { grantId: string; name: string; role: UserRole; requestedAt: Date }[];
  invitationsOpen: number;
  invitationsExpired: number;
  blockedAccounts: { userId: string; name: string }[];
  mailFailures: number;
}

export type HomeQueue = RegisseurQueue | ProfessionalQueue | ManagerQueue | AdminQueue;
