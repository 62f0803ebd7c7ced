/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-home-item"

#include "config.h"

#include <glib/gi18n.h>

#include "hw-home-item.h"
#include "hw-labels.h"

struct _HwHomeItem
{
  GObject    parent_instance;

  HwDossier *home;
  char      *kind;
  char      *children;
  char      *doc_text[HW_HOME_N_DOCS];
  gboolean   doc_ok[HW_HOME_N_DOCS];
  gboolean   doc_partial[HW_HOME_N_DOCS];   /* on file, but only preliminary */
};

G_DEFINE_FINAL_TYPE (HwHomeItem, hw_home_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_MUNICIPALITY,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hw_home_item_finalize (GObject *object)
{
  HwHomeItem *self = HW_HOME_ITEM (object);

  g_clear_pointer (&self->home, hw_dossier_free);
  g_free (self->kind);
  g_free (self->children);
  for (guint i = 0; i < HW_HOME_N_DOCS; i++)
    g_free (self->doc_text[i]);
  G_OBJECT_CLASS (hw_home_item_parent_class)->finalize (object);
}

static void
hw_home_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  HwHomeItem *self = HW_HOME_ITEM (object);
  const HwFosterHome *h = self->home->root;

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, h->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_MUNICIPALITY:
      g_value_set_string (value, h->municipality);
      break;
    case PROP_CHILDREN:
      g_value_set_string (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_home_item_class_init (HwHomeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hw_home_item_finalize;
  object_class->get_property = hw_home_item_get_property;
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, ro);
  properties[PROP_MUNICIPALITY] = g_param_spec_string ("municipality", NULL, NULL, NULL, ro);
  properties[PROP_CHILDREN] = g_param_spec_string ("children", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hw_home_item_init (HwHomeItem *self)
{
}

static HwDate
latest (const HwDossier *home, HwEvidenceKind kind, const char *member_id, gboolean *needed)
{
  GPtrArray *docs = hw_dossier_get (home, HW_ENTITY_HOME_EVIDENCE);
  HwDate best = HW_DATE_NONE;

  for (guint i = 0; i < docs->len; i++)
    {
      const HwHomeEvidence *e = docs->pdata[i];

      if (e->kind != kind || (member_id && g_strcmp0 (e->member_id, member_id) != 0))
        continue;
      if (e->date > best)
        {
          best = e->date;
          if (needed)
            *needed = e->needed;
        }
    }
  return best;
}

static void
set_date_doc (HwHomeItem *self, HwHomeDoc doc, HwDate date, const char *note)
{
  if (date)
    {
      g_autofree char *d = hw_date_dup_display (date);
      self->doc_text[doc] = note ? g_strdup_printf ("%s (%s)", d, note) : g_steal_pointer (&d);
      self->doc_ok[doc] = TRUE;
    }
  else
    {
      self->doc_text[doc] = g_strdup (_("Missing"));
      self->doc_ok[doc] = FALSE;
    }
}

static void
set_count_doc (HwHomeItem *self, HwHomeDoc doc, guint have, guint of)
{
  if (of == 0)
    self->doc_text[doc] = g_strdup ("—");
  else
    /* Translators: documents on file for members of a foster home, like "1 of 2" */
    self->doc_text[doc] = g_strdup_printf (_("%u of %u"), have, of);
  self->doc_ok[doc] = have >= of;
}

HwHomeItem *
hw_home_item_new (HwDossier *home, HwDate today)
{
  HwHomeItem *self = g_object_new (HW_TYPE_HOME_ITEM, NULL);
  const HwEntityInfo *info = hw_entity_info (HW_ENTITY_FOSTER_HOME);
  GPtrArray *members = hw_dossier_get (home, HW_ENTITY_HOME_MEMBER);
  guint parents = 0, parents_ok = 0, household = 0, household_ok = 0;
  HwDate approval;

  self->home = home;
  self->kind = g_strdup (hw_field_get_value_label (hw_entity_find_field (info, "kind"),
                                                   ((HwFosterHome *) home->root)->kind));
  approval = latest (home, HW_EVIDENCE_APPROVAL, NULL, NULL);
  if (approval)
    set_date_doc (self, HW_HOME_DOC_APPROVAL, approval, NULL);
  else
    {
      set_date_doc (self, HW_HOME_DOC_APPROVAL,
                    latest (home, HW_EVIDENCE_APPROVAL_PRELIMINARY, NULL, NULL),
                    _("preliminary"));
      self->doc_partial[HW_HOME_DOC_APPROVAL] = self->doc_ok[HW_HOME_DOC_APPROVAL];
      self->doc_ok[HW_HOME_DOC_APPROVAL] = FALSE;
    }
  set_date_doc (self, HW_HOME_DOC_CONTRACT, latest (home, HW_EVIDENCE_CONTRACT, NULL, NULL),
                NULL);
  set_date_doc (self, HW_HOME_DOC_TRAINING, latest (home, HW_EVIDENCE_TRAINING, NULL, NULL),
                NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const HwHomeMember *m = members->pdata[i];

      if (m->moved_out && m->moved_out < today)
        continue;
      if (m->role == HW_MEMBER_FOSTER_PARENT)
        {
          parents++;
          parents_ok += latest (home, HW_EVIDENCE_POLICE_CERTIFICATE, m->rec.id, NULL) != 0;
        }
      else
        {
          household++;
          household_ok += latest (home, HW_EVIDENCE_HOUSEHOLD_ASSESSMENT, m->rec.id, NULL) != 0;
        }
    }
  set_count_doc (self, HW_HOME_DOC_POLICE, parents_ok, parents);
  set_count_doc (self, HW_HOME_DOC_HOUSEHOLD, household_ok, household);
  return self;
}

const char *
hw_home_item_get_id (HwHomeItem *self)
{
  g_return_val_if_fail (HW_IS_HOME_ITEM (self), NULL);
  return ((HwRecord *) self->home->root)->id;
}

const char *
hw_home_item_get_name (HwHomeItem *self)
{
  g_return_val_if_fail (HW_IS_HOME_ITEM (self), NULL);
  return ((HwFosterHome *) self->home->root)->name;
}

const char *
hw_home_item_get_doc_text (HwHomeItem *self, HwHomeDoc doc)
{
  g_return_val_if_fail (HW_IS_HOME_ITEM (self) && doc < HW_HOME_N_DOCS, NULL);
  return self->doc_text[doc];
}

gboolean
hw_home_item_get_doc_ok (HwHomeItem *self, HwHomeDoc doc)
{
  g_return_val_if_fail (HW_IS_HOME_ITEM (self) && doc < HW_HOME_N_DOCS, FALSE);
  return self->doc_ok[doc];
}

gboolean
hw_home_item_get_doc_partial (HwHomeItem *self, HwHomeDoc doc)
{
  g_return_val_if_fail (HW_IS_HOME_ITEM (self) && doc < HW_HOME_N_DOCS, FALSE);
  return self->doc_partial[doc];
}

void
hw_home_item_set_children (HwHomeItem *self, const char *children)
{
  g_return_if_fail (HW_IS_HOME_ITEM (self));
  if (g_strcmp0 (self->children, children) == 0)
    return;
  g_free (self->children);
  self->children = g_strdup (children);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILDREN]);
}
