/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-case-item"

#include "config.h"

#include "hw-case-item.h"
#include "hw-labels.h"

struct _HwCaseItem
{
  GObject    parent_instance;

  HwCaseRow *row;
  int        age;
  char      *placement;
  gboolean   has_findings;
  HwDate     next_due;
  char      *next_duty;
  guint      n_overdue;
  guint      n_due_soon;
};

G_DEFINE_FINAL_TYPE (HwCaseItem, hw_case_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHILD_NAME,
  PROP_JOURNAL_NO,
  PROP_CASEWORKER,
  PROP_AGE,
  PROP_PLACEMENT,
  PROP_PLACED_SINCE,
  PROP_HAS_FINDINGS,
  PROP_NEXT_DUE,
  PROP_N_OVERDUE,
  PROP_N_DUE_SOON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hw_case_item_finalize (GObject *object)
{
  HwCaseItem *self = HW_CASE_ITEM (object);

  g_clear_pointer (&self->row, hw_case_row_free);
  g_clear_pointer (&self->placement, g_free);
  g_clear_pointer (&self->next_duty, g_free);
  G_OBJECT_CLASS (hw_case_item_parent_class)->finalize (object);
}

static void
hw_case_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HwCaseItem *self = HW_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CHILD_NAME:
      g_value_set_string (value, self->row->child_name);
      break;
    case PROP_JOURNAL_NO:
      g_value_set_string (value, self->row->journal_no);
      break;
    case PROP_CASEWORKER:
      g_value_set_string (value, self->row->caseworker_name);
      break;
    case PROP_AGE:
      g_value_set_int (value, self->age);
      break;
    case PROP_PLACEMENT:
      g_value_set_string (value, self->placement);
      break;
    case PROP_PLACED_SINCE:
      g_value_set_uint (value, self->row->placed_since);
      break;
    case PROP_HAS_FINDINGS:
      g_value_set_boolean (value, self->has_findings);
      break;
    case PROP_NEXT_DUE:
      /* Cases without a due duty sort last. */
      g_value_set_uint (value, self->next_due ? self->next_due : G_MAXUINT32);
      break;
    case PROP_N_OVERDUE:
      g_value_set_uint (value, self->n_overdue);
      break;
    case PROP_N_DUE_SOON:
      g_value_set_uint (value, self->n_due_soon);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_case_item_class_init (HwCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hw_case_item_finalize;
  object_class->get_property = hw_case_item_get_property;

  properties[PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, ro);
  properties[PROP_JOURNAL_NO] = g_param_spec_string ("journal-no", NULL, NULL, NULL, ro);
  properties[PROP_CASEWORKER] = g_param_spec_string ("caseworker", NULL, NULL, NULL, ro);
  properties[PROP_AGE] = g_param_spec_int ("age", NULL, NULL, 0, 200, 0, ro);
  properties[PROP_PLACEMENT] = g_param_spec_string ("placement", NULL, NULL, NULL, ro);
  properties[PROP_PLACED_SINCE] = g_param_spec_uint ("placed-since", NULL, NULL,
                                                     0, G_MAXUINT32, 0, ro);
  properties[PROP_HAS_FINDINGS] = g_param_spec_boolean ("has-findings", NULL, NULL, FALSE, ro);
  properties[PROP_NEXT_DUE] = g_param_spec_uint ("next-due", NULL, NULL, 0, G_MAXUINT32, 0, ro);
  properties[PROP_N_OVERDUE] = g_param_spec_uint ("n-overdue", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DUE_SOON] = g_param_spec_uint ("n-due-soon", NULL, NULL, 0, G_MAXUINT, 0,
                                                   ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hw_case_item_init (HwCaseItem *self)
{
}

HwCaseItem *
hw_case_item_new (HwCaseRow *row, HwDate today)
{
  HwCaseItem *self;

  g_return_val_if_fail (row != NULL, NULL);
  self = g_object_new (HW_TYPE_CASE_ITEM, NULL);
  self->row = row;
  self->age = row->birth_date ? hw_date_age_on (row->birth_date, today) : 0;
  self->placement = row->category ? hw_labels_dup_category (row->category) : g_strdup ("—");
  return self;
}

const HwCaseRow *
hw_case_item_get_row (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row;
}

const char *
hw_case_item_get_case_id (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row->case_id;
}

const char *
hw_case_item_get_child_name (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row->child_name;
}

const char *
hw_case_item_get_journal_no (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row->journal_no;
}

const char *
hw_case_item_get_caseworker (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row->caseworker_name;
}

int
hw_case_item_get_age (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), 0);
  return self->age;
}

const char *
hw_case_item_get_placement (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->placement;
}

HwDate
hw_case_item_get_placed_since (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), HW_DATE_NONE);
  return self->row->placed_since;
}

gboolean
hw_case_item_get_has_findings (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), FALSE);
  return self->has_findings;
}

HwDate
hw_case_item_get_next_due (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), HW_DATE_NONE);
  return self->next_due;
}

const char *
hw_case_item_get_next_duty (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->next_duty;
}

guint
hw_case_item_get_n_overdue (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), 0);
  return self->n_overdue;
}

guint
hw_case_item_get_n_due_soon (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), 0);
  return self->n_due_soon;
}

void
hw_case_item_set_findings (HwCaseItem *self, HwDate next_due, const char *next_duty,
                           guint n_overdue, guint n_due_soon)
{
  gboolean changed;

  g_return_if_fail (HW_IS_CASE_ITEM (self));
  changed = !self->has_findings || self->next_due != next_due || self->n_overdue != n_overdue ||
            self->n_due_soon != n_due_soon || g_strcmp0 (self->next_duty, next_duty) != 0;
  if (!changed)
    return;
  self->has_findings = TRUE;
  self->next_due = next_due;
  g_free (self->next_duty);
  self->next_duty = g_strdup (next_duty);
  self->n_overdue = n_overdue;
  self->n_due_soon = n_due_soon;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE_SOON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FINDINGS]);
}

void
hw_case_item_set_caseworker (HwCaseItem *self, const char *staff_id, const char *name,
                             const char *team_id)
{
  g_return_if_fail (HW_IS_CASE_ITEM (self));
  if (g_strcmp0 (self->row->caseworker_id, staff_id) == 0 &&
      g_strcmp0 (self->row->team_id, team_id) == 0)
    return;
  g_free (self->row->caseworker_id);
  self->row->caseworker_id = g_strdup (staff_id);
  g_free (self->row->caseworker_name);
  self->row->caseworker_name = g_strdup (name);
  g_free (self->row->team_id);
  self->row->team_id = g_strdup (team_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASEWORKER]);
}
