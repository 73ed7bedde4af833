package org.childjourneys.security;

/**
 * Why a child's record is being read: every read states one, and the audit trail keeps it. The
 * vocabulary is documented in docs/security.md.
 */
public enum Purpose {
  /** Deciding what happens to a contact at the front door. */
  REFERRAL_TRIAGE,
  /** A section 47 child protection enquiry. */
  SECTION_47,
  /** Any other safeguarding concern about the child. */
  SAFEGUARDING,
  /** Work on a case open to the reader or their team. */
  OPEN_CASE,
  /** An early help assessment (sharing may need consent outside safeguarding). */
  EARLY_HELP_ASSESSMENT,
  /** A former worker learning what happened next (outcomes only). */
  PRACTICE_LEARNING,
  /** Case file audit and quality assurance. */
  AUDIT,
  /** Record linkage review: deciding whether two records are one child, merging, unmerging. */
  DATA_QUALITY,
  /** Analysis: aggregates and pseudonyms only, never a child's record. */
  ANALYSIS
}
