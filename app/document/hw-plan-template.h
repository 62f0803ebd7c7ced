/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hw-entity.h"

G_BEGIN_DECLS

/* The Omsorgspakke activity template: data the municipality edits, not code.
 *
 * A default ships in data/plan/template.xml (schema data/plan/template.xsd); a municipality's
 * own copy is kept in the store's settings under HW_PLAN_TEMPLATE_SETTING, so the whole team
 * shares it. When a placement starts, the case's activities are instantiated from the ordinary
 * variant; when a return home is decided, from the reversed one. Instantiated activities are
 * ordinary HwActivity records the caseworker then marks done, moves, drops or adds to. */

#define HW_PLAN_TEMPLATE_SETTING "plan.template"

typedef enum {
  HW_TEMPLATE_ORDINARY,
  HW_TEMPLATE_REVERSED,     /* "omvendt Omsorgspakke": a return home */
  HW_TEMPLATE_N_VARIANTS
} HwTemplateVariant;

typedef enum {
  HW_ANCHOR_CARE_ORDER,
  HW_ANCHOR_MOVE_IN,
  HW_ANCHOR_RETURN,
  HW_ANCHOR_PREVIOUS,       /* the first due date of the row before it */
} HwTemplateAnchor;

typedef enum {
  HW_RESPONSIBLE_CASEWORKER,
  HW_RESPONSIBLE_TEAM_LEADER,
  HW_RESPONSIBLE_TILSYN,
  HW_RESPONSIBLE_FOSTER_PARENTS,
  HW_RESPONSIBLE_PARENTS,
  HW_RESPONSIBLE_SERVICE,
} HwResponsible;

/* A text in several languages. */
typedef struct {
  char *lang;
  char *text;
} HwLocalizedText;

typedef struct {
  char             *key;            /* stable: activities remember it in template_key */
  HwPart            part;
  HwTemplateAnchor  anchor;
  int               offset_days;    /* negative = before the anchor */
  int               offset_months;
  int               repeat_days;    /* 0 = once */
  int               repeat_months;
  int               for_months;     /* how long a repeat goes on after the first; default 12 */
  HwResponsible     responsible;
  char              basis;          /* 'L' law, 'V' guidance, 'K' local */
  gboolean          per_parent;     /* one activity per parent with parental responsibility */
  GPtrArray        *titles;         /* HwLocalizedText */
  GPtrArray        *participants;   /* HwLocalizedText */
  char             *source;
} HwTemplateRow;

HwTemplateRow *hw_template_row_new            (const char *key, HwPart part);
HwTemplateRow *hw_template_row_copy           (const HwTemplateRow *row);
void           hw_template_row_free           (HwTemplateRow *row);
/* The text for the user's language (nn falls back to nb, anything to English, then any). */
const char    *hw_template_row_get_title      (const HwTemplateRow *row);
const char    *hw_template_row_get_participants (const HwTemplateRow *row);
void           hw_template_row_set_title      (HwTemplateRow *row, const char *lang,
                                               const char *text);
void           hw_template_row_set_participants (HwTemplateRow *row, const char *lang,
                                                 const char *text);

const char    *hw_responsible_to_label        (HwResponsible responsible);   /* translated */
const char    *hw_template_anchor_to_label    (HwTemplateAnchor anchor);     /* translated */
const char    *hw_template_variant_to_label   (HwTemplateVariant variant);   /* translated */

#define HW_TYPE_PLAN_TEMPLATE (hw_plan_template_get_type ())
G_DECLARE_FINAL_TYPE (HwPlanTemplate, hw_plan_template, HW, PLAN_TEMPLATE, GObject)

HwPlanTemplate *hw_plan_template_new           (void);
/* Parses and validates against template.xsd; errors name the line. */
HwPlanTemplate *hw_plan_template_new_from_data (const char *xml, gssize length, GError **error);
/* The template shipped in data/plan/. */
HwPlanTemplate *hw_plan_template_load_default  (GError **error);
/* The municipality's copy in the store: hw_service_load_plan_template() and
 * hw_service_save_plan_template() (app/service: this layer does not see the store). */

/* The template as XML, as saved. */
char           *hw_plan_template_to_xml        (HwPlanTemplate *self);
/* Checks the template as it now is (after editing) against the schema. */
gboolean        hw_plan_template_validate      (HwPlanTemplate *self, GError **error);

/* The rows of a variant, in order; the array is the template's own, to edit in place. */
GPtrArray      *hw_plan_template_get_rows      (HwPlanTemplate *self, HwTemplateVariant variant);
const HwTemplateRow *hw_plan_template_find_row (HwPlanTemplate *self, const char *key,
                                                HwTemplateVariant *variant);
/* The template's own description ("example – adapt…"), in the user's language, or NULL. */
const char     *hw_plan_template_get_description (HwPlanTemplate *self);

/* The events activities count from. HW_DATE_NONE where the case has none: rows anchored on it
 * are left out. */
typedef struct {
  HwDate care_order;
  HwDate move_in;
  HwDate return_date;
} HwTemplateAnchors;

/* From the case: the latest approved care order, the current foster-home placement's start and
 * the return home (done, or planned in a reunification assessment). */
void            hw_template_anchors_from_dossier (const HwDossier *dossier,
                                                  HwTemplateAnchors *anchors);

/* New HwActivity records (owned by the array) for @dossier's case from @variant, due dates
 * counted from @anchors (NULL: hw_template_anchors_from_dossier). Rows whose activities the
 * case already has (by template_key) are skipped, so calling it again adds only what is new. */
GPtrArray      *hw_plan_template_instantiate   (HwPlanTemplate          *self,
                                                HwTemplateVariant        variant,
                                                const HwDossier         *dossier,
                                                const HwTemplateAnchors *anchors);

/* @activity's title and participants as its template row gives them in the user's language,
 * when they are still the row's own text (in any of its languages): an activity made by
 * `homeward-cli demo` in English prints in nynorsk from a nynorsk desktop. What a caseworker
 * wrote instead stays as written. For display: the caller's copy is changed, not the store. */
void            hw_plan_template_localize_activity (HwPlanTemplate *self, HwActivity *activity);
/* The reason an activity made long after its due date is dropped with (translated). */
const char     *hw_plan_not_applicable_reason (void);

/* The row key an activity's template_key came from ("child-followup-visit/3@…" → its row). */
char           *hw_template_key_dup_row_key    (const char *template_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwTemplateRow, hw_template_row_free)

G_END_DECLS
