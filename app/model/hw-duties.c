/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-duties"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-caseload-check.h"
#include "hw-duties.h"
#include "hw-duties-private.h"

HwDutyGroup
hw_duty_group_for (HwUiFindingState state, HwDate due, HwDate today)
{
  if (state == HW_UI_FINDING_OVERDUE)
    return HW_DUTY_GROUP_OVERDUE;
  if (due == HW_DATE_NONE)
    return HW_DUTY_GROUP_LATER;
  /* Due dates are day numbers: a week is today and the six days after it. */
  if (due < hw_date_add_days (today, 7))
    return HW_DUTY_GROUP_THIS_WEEK;
  if (due <= hw_date_add_days (today, 30))
    return HW_DUTY_GROUP_NEXT_30;
  return HW_DUTY_GROUP_LATER;
}

const char *
hw_duty_group_get_label (HwDutyGroup group)
{
  switch (group)
    {
    case HW_DUTY_GROUP_OVERDUE:
      return _("Overdue");
    case HW_DUTY_GROUP_THIS_WEEK:
      return _("This week");
    case HW_DUTY_GROUP_NEXT_30:
      return _("Next 30 days");
    case HW_DUTY_GROUP_LATER:
    case HW_N_DUTY_GROUPS:
    default:
      return _("Later");
    }
}

/* ---- one duty ---- */

struct _HwDutyItem
{
  GObject      parent_instance;
  char        *case_id;
  char        *child_name;
  char        *journal_no;
  HwUiFinding *finding;
  HwDutyGroup  group;
  gboolean     first_in_group;
};

G_DEFINE_FINAL_TYPE (HwDutyItem, hw_duty_item, G_TYPE_OBJECT)

static void
hw_duty_item_finalize (GObject *object)
{
  HwDutyItem *self = HW_DUTY_ITEM (object);

  g_free (self->case_id);
  g_free (self->child_name);
  g_free (self->journal_no);
  hw_ui_finding_free (self->finding);
  G_OBJECT_CLASS (hw_duty_item_parent_class)->finalize (object);
}

static void
hw_duty_item_class_init (HwDutyItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_duty_item_finalize;
}

static void
hw_duty_item_init (HwDutyItem *self)
{
}

HwDutyItem *
hw_duty_item_new (const char *case_id, const char *child_name, const char *journal_no,
                  HwUiFinding *finding, HwDate today)
{
  HwDutyItem *self = g_object_new (HW_TYPE_DUTY_ITEM, NULL);

  self->case_id = g_strdup (case_id);
  self->child_name = g_strdup (child_name);
  self->journal_no = g_strdup (journal_no);
  self->finding = finding;
  self->group = hw_duty_group_for (finding->state, finding->due, today);
  return self;
}

const char *
hw_duty_item_get_case_id (HwDutyItem *self)
{
  g_return_val_if_fail (HW_IS_DUTY_ITEM (self), NULL);
  return self->case_id;
}

const char *
hw_duty_item_get_child_name (HwDutyItem *self)
{
  g_return_val_if_fail (HW_IS_DUTY_ITEM (self), NULL);
  return self->child_name;
}


const HwUiFinding *
hw_duty_item_get_finding (HwDutyItem *self)
{
  g_return_val_if_fail (HW_IS_DUTY_ITEM (self), NULL);
  return self->finding;
}

HwDutyGroup
hw_duty_item_get_group (HwDutyItem *self)
{
  g_return_val_if_fail (HW_IS_DUTY_ITEM (self), HW_DUTY_GROUP_LATER);
  return self->group;
}

gboolean
hw_duty_item_get_first_in_group (HwDutyItem *self)
{
  g_return_val_if_fail (HW_IS_DUTY_ITEM (self), FALSE);
  return self->first_in_group;
}

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const HwDutyItem *ia = *(HwDutyItem **) a;
  const HwDutyItem *ib = *(HwDutyItem **) b;
  HwDate da = ia->finding->due, db = ib->finding->due;
  int cmp;

  if (ia->group != ib->group)
    return ia->group < ib->group ? -1 : 1;
  /* Without a due date: last in its group. */
  if (da != db)
    return da == HW_DATE_NONE ? 1 : db == HW_DATE_NONE ? -1 : da < db ? -1 : 1;
  if ((cmp = g_utf8_collate (ia->child_name ? ia->child_name : "",
                             ib->child_name ? ib->child_name : "")) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (ia->case_id, ib->case_id)) != 0)
    return cmp;
  return g_strcmp0 (ia->finding->rule_id, ib->finding->rule_id);
}

/* ---- collecting ---- */

typedef struct {
  HwDate     today;
  GPtrArray *items;
} Collect;

static void
collect_case (const HwDossier *dossier, GPtrArray *findings, gpointer user_data)
{
  Collect *c = user_data;
  const HwCase *kase = hw_dossier_case (dossier);
  const HwChild *child = hw_dossier_child (dossier);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ui = hw_ui_findings_new (findings, c->today);

  if (child)
    name = g_strstrip (g_strdup_printf ("%s %s", child->given_name ? child->given_name : "",
                                        child->family_name ? child->family_name : ""));
  for (guint i = 0; i < ui->len; i++)
    {
      HwUiFinding *f = ui->pdata[i];

      /* Open duties only: a met duty is done, a missed period is history (rules.md v2). */
      if (f->met || f->state == HW_UI_FINDING_MISSED)
        continue;
      g_ptr_array_add (c->items, hw_duty_item_new (kase->rec.id, name, kase->journal_no,
                                                   g_steal_pointer (&ui->pdata[i]), c->today));
    }
}

GPtrArray *
hw_duties_collect (HwService *service, const char *caseworker_id,
                   const char *const *case_ids, HwDate today,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Collect c = { today, items };
  HwCheckOptions options = {
    .today = today, .caseworker_id = caseworker_id, .cancellable = cancellable,
  };

  g_return_val_if_fail (HW_IS_SERVICE (service), NULL);
  g_return_val_if_fail (caseworker_id != NULL, NULL);
  if (!(case_ids ? hw_check_cases (service, case_ids, &options, collect_case, &c, error)
                 : hw_check_caseload (service, &options, collect_case, &c, error)))
    return NULL;
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

GPtrArray *
hw_duties_since_last_time (GPtrArray *items, HwDate last_seen, HwDate today)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  if (last_seen == HW_DATE_NONE)
    return result;
  for (guint i = 0; items && i < items->len; i++)
    {
      HwDutyItem *item = items->pdata[i];
      HwDate due = item->finding->due;

      if (item->finding->state == HW_UI_FINDING_OVERDUE && due != HW_DATE_NONE &&
          due >= last_seen && due < today)
        g_ptr_array_add (result, g_object_ref (item));
    }
  return result;
}

GPtrArray *
hw_duties_newly_due_soon (GPtrArray *items, HwDate last_seen, int window_days)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  if (last_seen == HW_DATE_NONE)
    return result;
  for (guint i = 0; items && i < items->len; i++)
    {
      HwDutyItem *item = items->pdata[i];
      HwDate due = item->finding->due;

      if (item->finding->state == HW_UI_FINDING_DUE_SOON && due != HW_DATE_NONE &&
          due > hw_date_add_days (last_seen, window_days))
        g_ptr_array_add (result, g_object_ref (item));
    }
  return result;
}

/* ---- the list ---- */

struct _HwDuties
{
  GObject    parent_instance;
  GPtrArray *all;       /* HwDutyItem, sorted */
  GPtrArray *shown;     /* the filtered ones */
  char      *rule_id;
  char      *case_id;
};

static GType
hw_duties_get_item_type (GListModel *model)
{
  return HW_TYPE_DUTY_ITEM;
}

static guint
hw_duties_get_n_items (GListModel *model)
{
  return HW_DUTIES (model)->shown->len;
}

static gpointer
hw_duties_get_item (GListModel *model, guint position)
{
  HwDuties *self = HW_DUTIES (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (self->shown->pdata[position]);
}

static void
hw_duties_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hw_duties_get_item_type;
  iface->get_n_items = hw_duties_get_n_items;
  iface->get_item = hw_duties_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HwDuties, hw_duties, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hw_duties_model_init))

static void
hw_duties_finalize (GObject *object)
{
  HwDuties *self = HW_DUTIES (object);

  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->shown);
  g_free (self->rule_id);
  g_free (self->case_id);
  G_OBJECT_CLASS (hw_duties_parent_class)->finalize (object);
}

static void
hw_duties_class_init (HwDutiesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_duties_finalize;
}

static void
hw_duties_init (HwDuties *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

HwDuties *
hw_duties_new (void)
{
  return g_object_new (HW_TYPE_DUTIES, NULL);
}

static void
refilter (HwDuties *self)
{
  guint removed = self->shown->len;
  int group = -1;

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      HwDutyItem *item = self->all->pdata[i];

      if ((self->rule_id && g_strcmp0 (self->rule_id, item->finding->rule_id) != 0) ||
          (self->case_id && g_strcmp0 (self->case_id, item->case_id) != 0))
        continue;
      /* Items are not shared between two lists: the heading is this list's. */
      item->first_in_group = (int) item->group != group;
      group = item->group;
      g_ptr_array_add (self->shown, g_object_ref (item));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->shown->len);
}

void
hw_duties_set_items (HwDuties *self, GPtrArray *items)
{
  g_return_if_fail (HW_IS_DUTIES (self));
  g_ptr_array_set_size (self->all, 0);
  for (guint i = 0; items && i < items->len; i++)
    g_ptr_array_add (self->all, g_object_ref (items->pdata[i]));
  g_ptr_array_sort (self->all, compare_items);
  refilter (self);
}

GPtrArray *
hw_duties_get_all (HwDuties *self)
{
  g_return_val_if_fail (HW_IS_DUTIES (self), NULL);
  return self->all;
}

void
hw_duties_set_rule_filter (HwDuties *self, const char *rule_id)
{
  g_return_if_fail (HW_IS_DUTIES (self));
  g_free (self->rule_id);
  self->rule_id = g_strdup (rule_id);
  refilter (self);
}

void
hw_duties_set_case_filter (HwDuties *self, const char *case_id)
{
  g_return_if_fail (HW_IS_DUTIES (self));
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  refilter (self);
}

guint
hw_duties_count_group (HwDuties *self, HwDutyGroup group)
{
  guint n = 0;

  g_return_val_if_fail (HW_IS_DUTIES (self), 0);
  for (guint i = 0; i < self->shown->len; i++)
    if (((HwDutyItem *) self->shown->pdata[i])->group == group)
      n++;
  return n;
}

int
hw_duties_find (HwDuties *self, const char *case_id, const char *rule_id)
{
  g_return_val_if_fail (HW_IS_DUTIES (self), -1);
  for (guint i = 0; i < self->shown->len; i++)
    {
      HwDutyItem *item = self->shown->pdata[i];

      if ((case_id == NULL || g_strcmp0 (case_id, item->case_id) == 0) &&
          (rule_id == NULL || g_strcmp0 (rule_id, item->finding->rule_id) == 0))
        return (int) i;
    }
  return -1;
}
