/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-settings.h"
#include "hw-settings-private.h"

struct _HwSettings {
  HwCatalogue *catalogue;
  guint        n_values;
  int         *values;     /* by catalogue setting index */
};

static HwSettings *
settings_alloc (const HwCatalogue *catalogue)
{
  HwSettings *self = g_new0 (HwSettings, 1);

  self->catalogue = hw_catalogue_ref ((HwCatalogue *) catalogue);
  self->n_values = hw_catalogue_get_n_settings (catalogue);
  self->values = g_new0 (int, MAX (self->n_values, 1));
  for (guint i = 0; i < self->n_values; i++)
    self->values[i] = hw_catalogue_get_setting (catalogue, i)->default_value;
  return self;
}

HwSettings *
hw_settings_new_default (const HwCatalogue *catalogue)
{
  g_return_val_if_fail (catalogue != NULL, NULL);
  return settings_alloc (catalogue);
}

gboolean
hw_settings_parse_value (const HwCatalogue *catalogue,
                         const char        *key,
                         const char        *text,
                         int               *value,
                         GError           **error)
{
  const HwSettingInfo *info = hw_catalogue_find_setting (catalogue, key, NULL);
  const char *p = text;
  char *end = NULL;
  gint64 v;

  g_return_val_if_fail (catalogue != NULL, FALSE);

  if (info == NULL)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("There is no setting “%s”"),
                   key ? key : "");
      return FALSE;
    }
  while (p && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p == '\0')
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID, _("%s: a value is required"), key);
      return FALSE;
    }
  v = g_ascii_strtoll (p, &end, 10);
  while (end && g_ascii_isspace (*end))
    end++;
  if (end == p || (end && *end != '\0'))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID, _("%s: “%s” is not a whole number"),
                   key, text);
      return FALSE;
    }
  if (v < info->min_value || v > info->max_value)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_RANGE,
                   _("%s: %s is outside the allowed range %d–%d"), key, text,
                   info->min_value, info->max_value);
      return FALSE;
    }
  if (value)
    *value = (int) v;
  return TRUE;
}

HwSettings *
hw_settings_new (const HwCatalogue *catalogue, GHashTable *store_settings, GError **error)
{
  g_autoptr(HwSettings) self = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (catalogue != NULL, NULL);

  self = settings_alloc (catalogue);
  if (store_settings == NULL)
    return g_steal_pointer (&self);
  g_hash_table_iter_init (&iter, store_settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint index;
      int v;

      if (hw_catalogue_find_setting (catalogue, key, &index) == NULL)
        continue;
      if (!hw_settings_parse_value (catalogue, key, value, &v, error))
        {
          g_prefix_error (error, _("Stored municipal setting: "));
          return NULL;
        }
      self->values[index] = v;
    }
  return g_steal_pointer (&self);
}

void
hw_settings_free (HwSettings *self)
{
  if (self == NULL)
    return;
  hw_catalogue_unref (self->catalogue);
  g_free (self->values);
  g_free (self);
}

const HwCatalogue *
hw_settings_get_catalogue (const HwSettings *self)
{
  return self->catalogue;
}

int
hw_settings_get (const HwSettings *self, const char *key)
{
  guint index;

  if (hw_catalogue_find_setting (self->catalogue, key, &index) == NULL)
    return -1;
  return self->values[index];
}

int
hw_settings_get_at (const HwSettings *self, guint index)
{
  g_return_val_if_fail (index < self->n_values, -1);
  return self->values[index];
}

gboolean
hw_settings_is_default (const HwSettings *self, const char *key)
{
  guint index;
  const HwSettingInfo *info = hw_catalogue_find_setting (self->catalogue, key, &index);

  return info == NULL || self->values[index] == info->default_value;
}

gboolean
hw_settings_set (HwSettings *self, const char *key, int value, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  guint index;

  if (!hw_settings_parse_value (self->catalogue, key, text, NULL, error))
    return FALSE;
  hw_catalogue_find_setting (self->catalogue, key, &index);
  self->values[index] = value;
  return TRUE;
}
