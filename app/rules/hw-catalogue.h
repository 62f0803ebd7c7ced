/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-date.h"
#include "hw-lang.h"

G_BEGIN_DECLS

/* The legal rule catalogue: data/rules/catalogue.xml, validated against
 * data/rules/catalogue.xsd when loaded. It holds every rule of rules.md (subject, evidence,
 * due-date formula, class, effective period, sources, texts in nb/nn/en), the municipal
 * settings with their defaults, and the words the engine uses in explanations.
 *
 * A catalogue is immutable once loaded and may be shared between threads. Findings and
 * settings point into it: keep a reference for as long as they live. */

typedef enum {
  HW_RULE_CLASS_LAW,        /* the duty and its figure are in the act or regulation */
  HW_RULE_CLASS_GUIDANCE,   /* the duty is law, the figure comes from official guidance */
  HW_RULE_CLASS_LOCAL,      /* the duty is law, the figure is a municipal setting */
} HwRuleClass;

typedef enum {
  HW_UNIT_DAYS,
  HW_UNIT_WEEKS,
  HW_UNIT_MONTHS,
  HW_UNIT_YEARS,
} HwUnit;

/* Whom a rule's duty is about (the rule's "about" attribute): what a printout may tell
 * whom follows from it (app/document's recipient policy), never from the rule's id. */
typedef enum {
  HW_ABOUT_CHILD,               /* the child: its decisions, placement, plans, samvær */
  HW_ABOUT_PARENT,              /* one of the child's parents */
  HW_ABOUT_FOSTER_HOME,         /* the foster home as such: approval, contract, training */
  HW_ABOUT_FOSTER_HOME_MEMBER,  /* a foster parent or another member of the household */
  HW_N_ABOUTS
} HwRuleAbout;

typedef struct _HwCatalogue HwCatalogue;
typedef struct _HwRule      HwRule;

/* A municipal setting as the catalogue defines it. */
typedef struct {
  const char  *key;                          /* "care_plan_days" */
  int          default_value;
  int          min_value;
  int          max_value;
  HwUnit       unit;
  HwRuleClass  rule_class;
  const char  *label[HW_N_LANGS];
  const char  *description[HW_N_LANGS];
} HwSettingInfo;

/* The data folder: $HOMEWARD_DATADIR (running uninstalled: meson devenv, the tests), else the
 * installed one (PKGDATADIR). */
char         *hw_rules_dup_datadir            (void);

/* The default catalogue, parsed once per process; returns a new reference. */
HwCatalogue  *hw_catalogue_load_default       (GError **error);
HwCatalogue  *hw_catalogue_ref                (HwCatalogue *self);
void          hw_catalogue_unref              (HwCatalogue *self);

int           hw_catalogue_get_version        (const HwCatalogue *self);

/* Rules, in catalogue order. */
guint         hw_catalogue_get_n_rules        (const HwCatalogue *self);
const HwRule *hw_catalogue_get_rule           (const HwCatalogue *self, guint index);
const HwRule *hw_catalogue_find_rule          (const HwCatalogue *self, const char *id);

/* Settings, in catalogue order. @index (may be NULL) receives the position. */
guint                hw_catalogue_get_n_settings (const HwCatalogue *self);
const HwSettingInfo *hw_catalogue_get_setting    (const HwCatalogue *self, guint index);
const HwSettingInfo *hw_catalogue_find_setting   (const HwCatalogue *self, const char *key,
                                                  guint *index);

/* A word of the vocabulary ("class.law", "state.overdue", "cli.case"…), or NULL. */
const char   *hw_catalogue_get_term           (const HwCatalogue *self, const char *key,
                                               HwLang lang);
/* "lovkrav", "veiledende frist", "lokal rutine" in @lang. */
const char   *hw_catalogue_get_class_label    (const HwCatalogue *self, HwRuleClass rule_class,
                                               HwLang lang);
/* "dager", "måned"… in @lang, singular when @amount is 1. */
const char   *hw_catalogue_get_unit_label     (const HwCatalogue *self, HwUnit unit, int amount,
                                               HwLang lang);

/* Rule properties. Texts are borrowed from the catalogue. */
const char   *hw_rule_get_id                  (const HwRule *rule);
HwRuleClass   hw_rule_get_class               (const HwRule *rule);
HwRuleAbout   hw_rule_get_about               (const HwRule *rule);
/* The class as shown to users: the rule's own wording for mixed classes, else the class. */
const char   *hw_rule_get_class_label         (const HwRule *rule, HwLang lang);
const char   *hw_rule_get_title               (const HwRule *rule, HwLang lang);
/* Every source ("barnevernsloven § 8-1; barnevernloven (1992) § 4-5"), those in force on
 * @trigger first; all in catalogue order when @trigger is HW_DATE_NONE. */
char         *hw_rule_dup_sources             (const HwRule *rule, HwLang lang, HwDate trigger);
/* Only the sources in force on @trigger (all of them when none is). */
char         *hw_rule_dup_source_in_force     (const HwRule *rule, HwLang lang, HwDate trigger);

const char   *hw_rule_class_to_string         (HwRuleClass rule_class);  /* "law"… */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwCatalogue, hw_catalogue_unref)

G_END_DECLS
