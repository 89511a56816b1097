// The system user: the actor of what the system does by itself (nightly jobs, reminders, the demo load), so that
// every audit event's actor is a user. Created by migration 0011, inactive and without a usable password, so it
// can never log in. Its id is the one the demo draw wrote before the user existed.
export const systemUserId = '00000000-0000-4000-8000-000000000001';

// An audit actor for the system, named for the job that acts (the name is what the audit viewer shows).
export const systemActor = (displayName: string) => ({ id: systemUserId, displayName });
