/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-template-item"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hw-activity.h"
#include "hw-error.h"
#include "hw-recurrence.h"
#include "hw-lang.h"
#include "hw-template-item.h"

/* The title, or "Untitled Activity" while it is empty. */
static const char *hw_template_item_get_display_title (HwTemplateItem *self);

/* template.xsd's NonEmpty: at most this many characters. */
#define MAX_TEXT 2000

static const char basis_codes[] = "LVK";

struct _HwTemplateItem
{
  GObject            parent_instance;

  HwTemplateRow     *row;
  HwTemplateVariant  variant;
  /* The texts as typed, in the edit language. */
  char              *title;
  char              *participants;
  char              *source;
  gboolean           valid;
};

G_DEFINE_FINAL_TYPE (HwTemplateItem, hw_template_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_VARIANT,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_PARTICIPANTS,
  PROP_SOURCE,
  PROP_PART,
  PROP_RESPONSIBLE,
  PROP_BASIS,
  PROP_ANCHOR,
  PROP_OFFSET_DAYS,
  PROP_OFFSET_MONTHS,
  PROP_REPEAT_DAYS,
  PROP_REPEAT_MONTHS,
  PROP_FOR_MONTHS,
  PROP_PER_PARENT,
  PROP_REPEATS,
  PROP_SUMMARY,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
hw_template_item_get_edit_language (void)
{
  /* Edits go into the language the window shows (app/core's one choice). */
  return hw_lang_to_string (hw_lang_get ());
}

static gboolean
text_fits (const char *text)
{
  return g_utf8_strlen (text, -1) <= MAX_TEXT;
}

/* What the activity is called in messages: its title as last valid, else its key. */
static const char *
display_name (HwTemplateItem *self)
{
  const char *title = hw_template_row_get_title (self->row);

  return title && *title ? title : self->row->key;
}

gboolean
hw_template_item_check (HwTemplateItem *self, GError **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), FALSE);

  /* The field and the fault first: a toast may cut the end, which is the activity's name. */
  title = g_strstrip (g_strdup (self->title));
  if (*title == '\0')
    {
      g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED,
                   /* Translators: %s is the activity's title before it was cleared */
                   _("The title cannot be empty (activity “%s”)"), display_name (self));
      return FALSE;
    }
  if (!text_fits (self->title))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   /* Translators: %d is a number of characters, %s an activity's title */
                   _("The title is longer than %d characters (activity “%s”)"), MAX_TEXT,
                   display_name (self));
      return FALSE;
    }
  if (!text_fits (self->participants))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   /* Translators: %d is a number of characters, %s an activity's title */
                   _("The participants are longer than %d characters (activity “%s”)"),
                   MAX_TEXT, display_name (self));
      return FALSE;
    }
  if (!text_fits (self->source))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   /* Translators: %d is a number of characters, %s an activity's title */
                   _("The source is longer than %d characters (activity “%s”)"), MAX_TEXT,
                   display_name (self));
      return FALSE;
    }
  return TRUE;
}

static void
update_valid (HwTemplateItem *self)
{
  gboolean valid = hw_template_item_check (self, NULL);

  if (valid == self->valid)
    return;
  self->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* ---- the summary line ---- */

static void
append_offset (GString *out, int value, gboolean months)
{
  int n = abs (value);

  if (value == 0)
    return;
  g_string_append (out, value < 0 ? " − " : " + ");
  if (months)
    g_string_append_printf (out, ngettext ("%d month", "%d months", n), n);
  else
    g_string_append_printf (out, ngettext ("%d day", "%d days", n), n);
}

/* "every 3 months for 12 months": the interval in the recurrence's own words. */
static char *
dup_repeat (const HwTemplateRow *row)
{
  g_autofree char *rule = NULL;
  g_autofree char *every = NULL;
  g_autofree char *span = NULL;
  g_autoptr(GString) interval = NULL;

  if (row->repeat_months)
    rule = g_strdup_printf ("FREQ=MONTHLY;INTERVAL=%d", row->repeat_months);
  else
    rule = g_strdup_printf ("FREQ=DAILY;INTERVAL=%d", row->repeat_days);
  every = hw_recurrence_describe (rule);
  interval = g_string_new (every);
  if (row->repeat_months && row->repeat_days)
    append_offset (interval, row->repeat_days, FALSE);

  span = g_strdup_printf (ngettext ("%d month", "%d months", row->for_months), row->for_months);
  /* Translators: an activity's repeats, "every 3 months" for "12 months" */
  return g_strdup_printf (_("%s for %s"), interval->str, span);
}

/* "The child · Move-in − 7 days · Caseworker · Guidance", translated. */
static char *
hw_template_item_dup_summary (HwTemplateItem *self)
{
  const HwTemplateRow *row;
  g_autoptr(GString) timing = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  char basis[2] = { 0, 0 };

  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), NULL);
  row = self->row;

  timing = g_string_new (hw_template_anchor_to_label (row->anchor));
  append_offset (timing, row->offset_months, TRUE);
  append_offset (timing, row->offset_days, FALSE);

  g_ptr_array_add (parts, g_strdup (hw_part_to_label (row->part)));
  g_ptr_array_add (parts, g_string_free (g_steal_pointer (&timing), FALSE));
  if (row->repeat_days || row->repeat_months)
    g_ptr_array_add (parts, dup_repeat (row));
  if (row->per_parent)
    /* Translators: an activity held once for each parent */
    g_ptr_array_add (parts, g_strdup (_("each parent")));
  g_ptr_array_add (parts, g_strdup (hw_responsible_to_label (row->responsible)));
  basis[0] = row->basis;
  if (hw_basis_to_label (basis))
    g_ptr_array_add (parts, g_strdup (hw_basis_to_label (basis)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* ---- editing ---- */

static void
edited (HwTemplateItem *self, guint prop_id, gboolean summary)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  if (summary)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
hw_template_item_set_title (HwTemplateItem *self, const char *title)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (HW_IS_TEMPLATE_ITEM (self));
  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  /* An empty or overlong title stays out of the row, so the row is always one the schema
   * accepts; the check refuses the save until the title is fixed. */
  stripped = g_strstrip (g_strdup (title));
  if (*stripped && text_fits (stripped))
    hw_template_row_set_title (self->row, hw_template_item_get_edit_language (), stripped);
  update_valid (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
  edited (self, PROP_TITLE, FALSE);
}

static void
set_participants (HwTemplateItem *self, const char *participants)
{
  g_autofree char *stripped = NULL;

  if (participants == NULL)
    participants = "";
  if (g_strcmp0 (self->participants, participants) == 0)
    return;
  g_free (self->participants);
  self->participants = g_strdup (participants);
  stripped = g_strstrip (g_strdup (participants));
  if (*stripped == '\0')
    {
      /* No participants is a fact about the activity, not a translation: clear them all, or
       * another language's would show through. */
      while (self->row->participants->len)
        {
          const HwLocalizedText *t = self->row->participants->pdata[0];
          g_autofree char *lang = g_strdup (t->lang);

          hw_template_row_set_participants (self->row, lang, NULL);
        }
    }
  else if (text_fits (stripped))
    hw_template_row_set_participants (self->row, hw_template_item_get_edit_language (),
                                      stripped);
  update_valid (self);
  edited (self, PROP_PARTICIPANTS, FALSE);
}

static void
set_source (HwTemplateItem *self, const char *source)
{
  g_autofree char *stripped = NULL;

  if (source == NULL)
    source = "";
  if (g_strcmp0 (self->source, source) == 0)
    return;
  g_free (self->source);
  self->source = g_strdup (source);
  stripped = g_strstrip (g_strdup (source));
  g_clear_pointer (&self->row->source, g_free);
  if (*stripped && text_fits (stripped))
    self->row->source = g_steal_pointer (&stripped);
  update_valid (self);
  edited (self, PROP_SOURCE, FALSE);
}

static void
set_int (HwTemplateItem *self, int *field, int value, guint prop_id)
{
  gboolean repeated = self->row->repeat_days || self->row->repeat_months;

  if (*field == value)
    return;
  *field = value;
  edited (self, prop_id, TRUE);
  if (repeated != (self->row->repeat_days || self->row->repeat_months))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPEATS]);
}

/* ---- GObject ---- */

static void
hw_template_item_finalize (GObject *object)
{
  HwTemplateItem *self = HW_TEMPLATE_ITEM (object);

  g_clear_pointer (&self->row, hw_template_row_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->participants, g_free);
  g_clear_pointer (&self->source, g_free);
  G_OBJECT_CLASS (hw_template_item_parent_class)->finalize (object);
}

static void
hw_template_item_get_property (GObject *object, guint prop_id, GValue *value,
                               GParamSpec *pspec)
{
  HwTemplateItem *self = HW_TEMPLATE_ITEM (object);
  const char *basis;

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->row->key);
      break;
    case PROP_VARIANT:
      g_value_set_uint (value, self->variant);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, hw_template_item_get_display_title (self));
      break;
    case PROP_PARTICIPANTS:
      g_value_set_string (value, self->participants);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_PART:
      g_value_set_uint (value, self->row->part);
      break;
    case PROP_RESPONSIBLE:
      g_value_set_uint (value, self->row->responsible);
      break;
    case PROP_BASIS:
      basis = strchr (basis_codes, self->row->basis);
      g_value_set_uint (value, basis && *basis ? (guint) (basis - basis_codes) : 2);
      break;
    case PROP_ANCHOR:
      g_value_set_uint (value, self->row->anchor);
      break;
    case PROP_OFFSET_DAYS:
      g_value_set_int (value, self->row->offset_days);
      break;
    case PROP_OFFSET_MONTHS:
      g_value_set_int (value, self->row->offset_months);
      break;
    case PROP_REPEAT_DAYS:
      g_value_set_int (value, self->row->repeat_days);
      break;
    case PROP_REPEAT_MONTHS:
      g_value_set_int (value, self->row->repeat_months);
      break;
    case PROP_FOR_MONTHS:
      g_value_set_int (value, self->row->for_months);
      break;
    case PROP_PER_PARENT:
      g_value_set_boolean (value, self->row->per_parent);
      break;
    case PROP_REPEATS:
      g_value_set_boolean (value, self->row->repeat_days || self->row->repeat_months);
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, hw_template_item_dup_summary (self));
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_template_item_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  HwTemplateItem *self = HW_TEMPLATE_ITEM (object);
  HwTemplateRow *row = self->row;
  guint u;

  switch (prop_id)
    {
    case PROP_TITLE:
      hw_template_item_set_title (self, g_value_get_string (value));
      break;
    case PROP_PARTICIPANTS:
      set_participants (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      set_source (self, g_value_get_string (value));
      break;
    case PROP_PART:
      if ((u = g_value_get_uint (value)) != (guint) row->part)
        {
          row->part = u;
          edited (self, prop_id, TRUE);
        }
      break;
    case PROP_RESPONSIBLE:
      if ((u = g_value_get_uint (value)) != (guint) row->responsible)
        {
          row->responsible = u;
          edited (self, prop_id, TRUE);
        }
      break;
    case PROP_BASIS:
      if (basis_codes[g_value_get_uint (value)] != row->basis)
        {
          row->basis = basis_codes[g_value_get_uint (value)];
          edited (self, prop_id, TRUE);
        }
      break;
    case PROP_ANCHOR:
      if ((u = g_value_get_uint (value)) != (guint) row->anchor)
        {
          row->anchor = u;
          edited (self, prop_id, TRUE);
        }
      break;
    case PROP_OFFSET_DAYS:
      set_int (self, &row->offset_days, g_value_get_int (value), prop_id);
      break;
    case PROP_OFFSET_MONTHS:
      set_int (self, &row->offset_months, g_value_get_int (value), prop_id);
      break;
    case PROP_REPEAT_DAYS:
      set_int (self, &row->repeat_days, g_value_get_int (value), prop_id);
      break;
    case PROP_REPEAT_MONTHS:
      set_int (self, &row->repeat_months, g_value_get_int (value), prop_id);
      break;
    case PROP_FOR_MONTHS:
      set_int (self, &row->for_months, g_value_get_int (value), prop_id);
      break;
    case PROP_PER_PARENT:
      if (g_value_get_boolean (value) != row->per_parent)
        {
          row->per_parent = g_value_get_boolean (value);
          edited (self, prop_id, TRUE);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hw_template_item_class_init (HwTemplateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hw_template_item_finalize;
  object_class->get_property = hw_template_item_get_property;
  object_class->set_property = hw_template_item_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_VARIANT] = g_param_spec_uint ("variant", NULL, NULL, 0,
                                                HW_TEMPLATE_N_VARIANTS - 1, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_PARTICIPANTS] = g_param_spec_string ("participants", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_PART] = g_param_spec_uint ("part", NULL, NULL, HW_PART_CHILD,
                                             HW_PART_FOSTER_FAMILY, HW_PART_CHILD, rw);
  properties[PROP_RESPONSIBLE] = g_param_spec_uint ("responsible", NULL, NULL,
                                                    HW_RESPONSIBLE_CASEWORKER,
                                                    HW_RESPONSIBLE_SERVICE,
                                                    HW_RESPONSIBLE_CASEWORKER, rw);
  /* 0 law, 1 guidance, 2 local: the order of "LVK". */
  properties[PROP_BASIS] = g_param_spec_uint ("basis", NULL, NULL, 0, 2, 2, rw);
  properties[PROP_ANCHOR] = g_param_spec_uint ("anchor", NULL, NULL, HW_ANCHOR_CARE_ORDER,
                                               HW_ANCHOR_PREVIOUS, HW_ANCHOR_MOVE_IN, rw);
  /* The ranges of template.xsd; 0 repeats means none. */
  properties[PROP_OFFSET_DAYS] = g_param_spec_int ("offset-days", NULL, NULL, -3650, 3650, 0, rw);
  properties[PROP_OFFSET_MONTHS] = g_param_spec_int ("offset-months", NULL, NULL, -3650, 3650, 0,
                                                     rw);
  properties[PROP_REPEAT_DAYS] = g_param_spec_int ("repeat-days", NULL, NULL, 0, 730, 0, rw);
  properties[PROP_REPEAT_MONTHS] = g_param_spec_int ("repeat-months", NULL, NULL, 0, 120, 0, rw);
  properties[PROP_FOR_MONTHS] = g_param_spec_int ("for-months", NULL, NULL, 1, 120, 12, rw);
  properties[PROP_PER_PARENT] = g_param_spec_boolean ("per-parent", NULL, NULL, FALSE, rw);
  properties[PROP_REPEATS] = g_param_spec_boolean ("repeats", NULL, NULL, FALSE, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After any real edit. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hw_template_item_init (HwTemplateItem *self)
{
  self->valid = TRUE;
}

HwTemplateItem *
hw_template_item_new (HwTemplateRow *row, HwTemplateVariant variant)
{
  HwTemplateItem *self;
  const char *text;

  g_return_val_if_fail (row != NULL, NULL);
  g_return_val_if_fail (variant < HW_TEMPLATE_N_VARIANTS, NULL);

  self = g_object_new (HW_TYPE_TEMPLATE_ITEM, NULL);
  self->row = row;
  self->variant = variant;
  text = hw_template_row_get_title (row);
  self->title = g_strdup (text ? text : "");
  text = hw_template_row_get_participants (row);
  self->participants = g_strdup (text ? text : "");
  self->source = g_strdup (row->source ? row->source : "");
  self->valid = hw_template_item_check (self, NULL);
  return self;
}

const HwTemplateRow *
hw_template_item_get_row (HwTemplateItem *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), NULL);
  return self->row;
}

const char *
hw_template_item_get_key (HwTemplateItem *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), NULL);
  return self->row->key;
}

HwTemplateVariant
hw_template_item_get_variant (HwTemplateItem *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), HW_TEMPLATE_ORDINARY);
  return self->variant;
}

const char *
hw_template_item_get_title (HwTemplateItem *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), NULL);
  return self->title;
}

static const char *
hw_template_item_get_display_title (HwTemplateItem *self)
{
  g_return_val_if_fail (HW_IS_TEMPLATE_ITEM (self), NULL);
  for (const char *p = self->title; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return self->title;
  return _("Untitled Activity");
}
