/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-case-item"

#include "config.h"

#include <string.h>

#include "hw-case-item.h"
#include "hw-case-item-private.h"
#include "hw-labels.h"

/* A national caseload has 50,000 of these, all alive as long as the window: each keeps its own
 * texts in one block, and shares the ones many cases repeat (hw_ui_intern()). */
struct _HwCaseItem
{
  GObject     parent_instance;

  HwCaseRow   row;          /* points into text, or to shared texts */
  char       *text;         /* case id, journal number, name, identity number, search key */
  const char *placement;    /* shared */
  HwUiBriefs *briefs;
  const char *next_duty;    /* shared */
  HwDate      next_due;
  int         age;
  guint       n_overdue;
  guint       n_due_soon;
  gboolean    has_findings;
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

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->briefs, g_free);
  G_OBJECT_CLASS (hw_case_item_parent_class)->finalize (object);
}

static void
hw_case_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HwCaseItem *self = HW_CASE_ITEM (object);

  switch (prop_id)
    {
    case PROP_CHILD_NAME:
      g_value_set_string (value, self->row.child_name);
      break;
    case PROP_JOURNAL_NO:
      g_value_set_string (value, self->row.journal_no);
      break;
    case PROP_CASEWORKER:
      g_value_set_string (value, self->row.caseworker_name);
      break;
    case PROP_AGE:
      g_value_set_int (value, self->age);
      break;
    case PROP_PLACEMENT:
      g_value_set_string (value, self->placement);
      break;
    case PROP_PLACED_SINCE:
      g_value_set_uint (value, self->row.placed_since);
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

static gsize
packed_size (const char *text)
{
  return text ? strlen (text) + 1 : 0;
}

/* Copies @text to *@cursor and moves it on; NULL stays NULL. */
static char *
pack (char **cursor, const char *text)
{
  char *copy;
  gsize size;

  if (text == NULL)
    return NULL;
  size = strlen (text) + 1;
  copy = memcpy (*cursor, text, size);
  *cursor += size;
  return copy;
}

HwCaseItem *
hw_case_item_new (HwCaseRow *row, HwDate today)
{
  g_autoptr(HwCaseRow) owned = row;
  HwCaseItem *self;
  gsize size;
  char *cursor;
  g_autofree char *child_name = NULL;
  g_autofree char *caseworker = NULL;

  g_return_val_if_fail (row != NULL, NULL);
  /* Lists show the names, cut short: a name from an import or an older version may be any
   * length, and a label overflows on a few hundred thousand characters. Search has its key. */
  child_name = hw_labels_dup_truncated (row->child_name, HW_LABELS_NAME_CHARS);
  caseworker = hw_labels_dup_truncated (row->caseworker_name, HW_LABELS_NAME_CHARS);
  self = g_object_new (HW_TYPE_CASE_ITEM, NULL);
  /* The rows arrive from a loading thread: copying them here also leaves that thread's
   * malloc arena free to be given back. */
  size = packed_size (row->case_id) + packed_size (row->journal_no) +
         packed_size (child_name) + packed_size (row->fnr) + packed_size (row->search_key);
  cursor = self->text = g_malloc (MAX (size, 1));
  self->row = *row;
  self->row.case_id = pack (&cursor, row->case_id);
  self->row.journal_no = pack (&cursor, row->journal_no);
  self->row.child_name = pack (&cursor, child_name);
  self->row.fnr = pack (&cursor, row->fnr);
  self->row.search_key = pack (&cursor, row->search_key);
  self->row.caseworker_id = (char *) hw_ui_intern (row->caseworker_id);
  self->row.caseworker_name = (char *) hw_ui_intern (caseworker);
  self->row.team_id = (char *) hw_ui_intern (row->team_id);
  self->row.category = (char *) hw_ui_intern (row->category);
  self->age = row->birth_date ? hw_date_age_on (row->birth_date, today) : 0;
  if (row->category)
    {
      g_autofree char *label = hw_code_dup_label (HW_CODES_CATEGORY, row->category);

      self->placement = hw_ui_intern (label);
    }
  else
    self->placement = "—";
  return self;
}

const HwCaseRow *
hw_case_item_get_row (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return &self->row;
}

const char *
hw_case_item_get_case_id (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row.case_id;
}

const char *
hw_case_item_get_child_name (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row.child_name;
}

const char *
hw_case_item_get_journal_no (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row.journal_no;
}

const char *
hw_case_item_get_caseworker (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->row.caseworker_name;
}

HwDate
hw_case_item_get_placed_since (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), HW_DATE_NONE);
  return self->row.placed_since;
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

const HwUiBriefs *
hw_case_item_get_briefs (HwCaseItem *self)
{
  g_return_val_if_fail (HW_IS_CASE_ITEM (self), NULL);
  return self->briefs;
}

void
hw_case_item_set_briefs (HwCaseItem *self, HwUiBriefs *briefs)
{
  const HwUiBrief *next = NULL, *upcoming = NULL;
  guint n_overdue = 0, n_due_soon = 0;
  const char *next_duty;
  HwDate next_due;
  gboolean changed;

  g_return_if_fail (HW_IS_CASE_ITEM (self));
  g_return_if_fail (briefs != NULL);
  g_free (self->briefs);
  self->briefs = briefs;

  /* The OK finding a brief keeps is the next one due, today or later. */
  for (guint i = 0; i < briefs->n_briefs; i++)
    {
      const HwUiBrief *b = &briefs->briefs[i];

      if (b->state == HW_UI_FINDING_OVERDUE)
        n_overdue++;
      else if (b->state == HW_UI_FINDING_DUE_SOON)
        n_due_soon++;
      if (b->due == HW_DATE_NONE)
        continue;
      if (b->state != HW_UI_FINDING_OK)
        {
          if (next == NULL || b->due < next->due)
            next = b;
        }
      else if (upcoming == NULL || b->due < upcoming->due)
        upcoming = b;
    }
  if (next == NULL)
    next = upcoming;
  next_due = next ? next->due : HW_DATE_NONE;
  next_duty = next ? hw_ui_rule_get_title (next->rule) : NULL;

  changed = !self->has_findings || self->next_due != next_due || self->n_overdue != n_overdue ||
            self->n_due_soon != n_due_soon || self->next_duty != next_duty;
  if (!changed)
    return;
  self->has_findings = TRUE;
  self->next_due = next_due;
  self->next_duty = next_duty;
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
  g_autofree char *cut = NULL;

  g_return_if_fail (HW_IS_CASE_ITEM (self));
  if (g_strcmp0 (self->row.caseworker_id, staff_id) == 0 &&
      g_strcmp0 (self->row.team_id, team_id) == 0)
    return;
  self->row.caseworker_id = (char *) hw_ui_intern (staff_id);
  cut = hw_labels_dup_truncated (name, HW_LABELS_NAME_CHARS);
  self->row.caseworker_name = (char *) hw_ui_intern (cut);
  self->row.team_id = (char *) hw_ui_intern (team_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASEWORKER]);
}
