/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-date.h"

G_BEGIN_DECLS

/* The window's view of the rule engine (app/rules): what a finding says, in the words and
 * dates the UI shows. The engine decides everything; this file only carries its answers. */

typedef enum {
  HW_UI_FINDING_OK,
  HW_UI_FINDING_DUE_SOON,
  HW_UI_FINDING_OVERDUE,
  HW_UI_FINDING_MISSED,    /* a completed period not met: history, never counted as overdue */
} HwUiFindingState;

typedef struct {
  /* Shared, never freed: a national caseload repeats a few dozen of them a million times. */
  const char      *rule_id;
  const char      *title;        /* what is owed, translated */
  char            *subject;      /* whom or what it is about, or NULL */
  char            *subject_id;   /* the record it is about (an agreement's id…), or NULL */
  char            *explanation;  /* why, and what would clear it */
  char            *source;       /* the legal source */
  char            *legal_class;  /* law / local / guidance, translated */
  HwDate           due;
  HwUiFindingState state;
  gboolean         met;          /* done: never the next duty */
} HwUiFinding;

void         hw_ui_finding_free     (HwUiFinding *finding);

/* What the caseload and the team overview keep of a case's findings: those overdue or due soon
 * and the next one due (never a missed period: rules.md v2), eight bytes each (a national caseload has half a million of them).
 * @rule indexes a table shared by the process: hw_ui_rule_get_id() and _get_title(). */
typedef struct {
  guint16          rule;
  guint8           state;        /* HwUiFindingState */
  HwDate           due;
} HwUiBrief;

typedef struct {
  guint            n_briefs;
  HwUiBrief        briefs[];
} HwUiBriefs;

/* A case's findings (HwFinding as the engine gives them, or HwUiFinding) in brief; free with
 * g_free(). */
HwUiBriefs  *hw_ui_briefs_new       (GPtrArray *findings,
                                     HwDate     today);
HwUiBriefs  *hw_ui_briefs_new_from_ui (GPtrArray *ui_findings,
                                       HwDate     today);
HwUiBriefs  *hw_ui_briefs_copy      (const HwUiBriefs *briefs);
const char  *hw_ui_rule_get_id      (guint rule);
const char  *hw_ui_rule_get_title   (guint rule);
/* One copy, kept for the life of the process, of a text repeated across the caseload (rule
 * titles, kontaktpersoner, team ids, placement labels). */
const char  *hw_ui_intern           (const char *text);

/* Whether the rule catalogue could be loaded. */
gboolean            hw_findings_available        (void);
/* HwFindings (as the rule engine gives them: app/service evaluates, see
 * hw_caseload_evaluate_case()) for the UI, in full, the overdue first, then by due date;
 * missed periods last. */
GPtrArray          *hw_ui_findings_new           (GPtrArray *findings,
                                                  HwDate     today);

/* A municipal setting as Preferences shows it. */
typedef struct {
  const char *key;
  const char *label;        /* translated */
  const char *default_value;
  const char *legal_class;  /* translated */
  const char *unit;         /* translated: "days", "months", "years" */
  int         min_value;
  int         max_value;
} HwUiSetting;

/* The settings the rule engine reads, in catalogue order; NULL without a catalogue. */
const HwUiSetting  *hw_findings_list_settings    (guint *n_settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwUiFinding, hw_ui_finding_free)

G_END_DECLS
