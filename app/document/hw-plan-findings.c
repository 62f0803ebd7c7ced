/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-plan-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hw-plan-findings.h"
#include "hw-plan-document-private.h"

HwPlanFinding *
hw_plan_finding_new (const char *rule_id, HwPlanFindingState state, HwDate due)
{
  HwPlanFinding *f = g_new0 (HwPlanFinding, 1);

  f->rule_id = g_strdup (rule_id);
  f->state = state;
  f->due = due;
  return f;
}

void
hw_plan_finding_free (HwPlanFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule_id);
  g_free (finding->subject_id);
  g_free (finding->subject_withheld);
  g_free (finding->explanation_withheld);
  g_free (finding->title);
  g_free (finding->subject);
  g_free (finding->explanation);
  g_free (finding->source);
  g_free (finding->legal_class);
  g_free (finding);
}

HwPlanFinding *
hw_plan_finding_new_from_rules (const HwFinding *finding, HwLang lang)
{
  static const HwPlanFindingState states[] = {
    [HW_FINDING_OK] = HW_PLAN_FINDING_OK,
    [HW_FINDING_DUE_SOON] = HW_PLAN_FINDING_DUE_SOON,
    [HW_FINDING_OVERDUE] = HW_PLAN_FINDING_OVERDUE,
    [HW_FINDING_MISSED] = HW_PLAN_FINDING_MISSED,
  };
  HwFindingState state;
  HwPlanFinding *f;
  const char *klass;

  g_return_val_if_fail (finding != NULL, NULL);
  state = hw_finding_get_state (finding);
  f = hw_plan_finding_new (hw_finding_get_rule_id (finding),
                           (guint) state < G_N_ELEMENTS (states) ? states[state]
                                                                  : HW_PLAN_FINDING_OVERDUE,
                           hw_finding_get_due (finding));
  /* Whom it is about is the rule's (the catalogue's "about"), not its id's or subject's. */
  switch (hw_rule_get_about (hw_finding_get_rule (finding)))
    {
    case HW_ABOUT_PARENT:
      f->about = HW_PLAN_ABOUT_PARENT;
      break;
    case HW_ABOUT_FOSTER_HOME_MEMBER:
      f->about = HW_PLAN_ABOUT_HOME_MEMBER;
      break;
    case HW_ABOUT_CHILD:
    case HW_ABOUT_FOSTER_HOME:
    case HW_N_ABOUTS:
    default:
      f->about = HW_PLAN_ABOUT_CASE;
      break;
    }
  f->subject_id = g_strdup (hw_finding_get_subject_id (finding));
  f->evidence = hw_finding_get_evidence_date (finding);
  f->title = g_strdup (hw_rule_get_title (hw_finding_get_rule (finding), lang));
  f->subject = hw_finding_dup_subject (finding, lang);
  f->explanation = hw_finding_dup_explanation_lang (finding, lang);
  f->source = hw_finding_dup_source (finding, lang);
  klass = hw_finding_get_class_label (finding, lang);
  f->legal_class = g_strdup (klass);
  f->met = hw_finding_is_met (finding);

  /* The home's name names placements and placement years; members are named by theirs.
   * Where the child lives is secret, the plan prints the same duty with a neutral name:
   * made here, from the rule's own wording, not by searching the text afterwards. */
  if (hw_finding_get_subject_name (finding) != NULL)
    {
      const char *neutral = NULL;

      switch (hw_finding_get_subject_kind (finding))
        {
        case HW_SUBJECT_PLACEMENT:
        case HW_SUBJECT_YEAR:
          /* Translators: in place of a foster home's name on printouts that must not tell
           * where the child lives */
          neutral = _("the foster home");
          break;
        case HW_SUBJECT_HOME_MEMBER:
          /* Translators: in place of a foster-home member's name, as above */
          neutral = _("a member of the foster household");
          break;
        default:
          break;
        }
      if (neutral)
        {
          f->reveals_location = TRUE;
          f->subject_withheld = hw_finding_dup_subject_as (finding, lang, neutral);
          f->explanation_withheld = hw_finding_dup_explanation_as (finding, lang, neutral);
        }
    }
  return f;
}
