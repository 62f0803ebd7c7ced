/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-municipality"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hw-error.h"
#include "hw-municipality.h"

static const char *const keys[] = {
  HW_SETTING_MUNICIPALITY, HW_SETTING_MUNICIPALITY_NAME, HW_SETTING_ORG_NUMBER,
  HW_SETTING_DISTRICT, HW_SETTING_DISTRICT_NAME, NULL,
};

/* The municipalities that report per district (bydel). SSB's Avgiver kontroll 1
 * (Kravspesifikasjon.md) names Oslo, Bergen and Trondheim by organisation number; Stavanger
 * is here because issue 17 lists it too. Keyed by kommunenummer, which the set-up asks for
 * first. */
static const struct {
  const char *number;
  const char *city;
} with_districts[] = {
  { "0301", "Oslo" },
  { "4601", "Bergen" },
  { "5001", "Trondheim" },
  { "1103", "Stavanger" },
};

/* SSB's longest name (the schema's Kommunenavn and Bydelsnavn). */
#define MAX_NAME 250

gboolean
hw_municipality_is_setting (const char *key)
{
  return key && g_strv_contains (keys, key);
}

const char *const *
hw_municipality_get_keys (void)
{
  return keys;
}

const char *
hw_municipality_get_label (const char *key)
{
  if (g_strcmp0 (key, HW_SETTING_MUNICIPALITY) == 0)
    return _("Municipality number");
  if (g_strcmp0 (key, HW_SETTING_MUNICIPALITY_NAME) == 0)
    return _("Municipality name");
  if (g_strcmp0 (key, HW_SETTING_ORG_NUMBER) == 0)
    return _("Organisation number");
  if (g_strcmp0 (key, HW_SETTING_DISTRICT) == 0)
    return _("District number");
  if (g_strcmp0 (key, HW_SETTING_DISTRICT_NAME) == 0)
    return _("District name");
  return key;
}

static gboolean
all_digits (const char *text, gsize n)
{
  if (text == NULL || strlen (text) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
hw_org_number_is_valid (const char *number)
{
  static const int weights[8] = { 3, 2, 7, 6, 5, 4, 3, 2 };
  int sum = 0, check;

  if (!all_digits (number, 9))
    return FALSE;
  for (guint i = 0; i < 8; i++)
    sum += (number[i] - '0') * weights[i];
  check = 11 - sum % 11;
  if (check == 11)
    check = 0;
  /* A remainder of 1 gives no digit: Brønnøysund never issues such a number. */
  return check != 10 && check == number[8] - '0';
}

const char *
hw_municipality_district_city (const char *municipality)
{
  for (guint i = 0; municipality && i < G_N_ELEMENTS (with_districts); i++)
    if (strcmp (municipality, with_districts[i].number) == 0)
      return with_districts[i].city;
  return NULL;
}

gboolean
hw_municipality_check_value (const char *key, const char *value, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (value ? value : ""));
  const char *label = hw_municipality_get_label (key);

  if (!hw_municipality_is_setting (key))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND, _("There is no setting “%s”"), key);
      return FALSE;
    }
  if (*text == '\0')
    {
      /* Translators: the field, e.g. "Organisation number (service-org-number) is empty" */
      g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED, _("%s (%s) is empty"), label, key);
      return FALSE;
    }
  if (strcmp (key, HW_SETTING_MUNICIPALITY) == 0 &&
      (!all_digits (text, 4) || strncmp (text, "00", 2) == 0))
    {
      /* Homeward carries no list of municipalities (SSB's files have none): the format is
       * what can be checked; the name is given with it. */
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s (%s): “%s” is not a municipality number (4 digits, the first two "
                     "the county's)"), label, key, text);
      return FALSE;
    }
  if (strcmp (key, HW_SETTING_ORG_NUMBER) == 0 && !all_digits (text, 9))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s (%s): “%s” does not have 9 digits"), label, key, text);
      return FALSE;
    }
  if (strcmp (key, HW_SETTING_ORG_NUMBER) == 0 && !hw_org_number_is_valid (text))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s (%s): “%s” fails the check digit (a digit is wrong or two are "
                     "swapped)"), label, key, text);
      return FALSE;
    }
  if (strcmp (key, HW_SETTING_DISTRICT) == 0 && !all_digits (text, 2))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s (%s): “%s” does not have 2 digits"), label, key, text);
      return FALSE;
    }
  if ((strcmp (key, HW_SETTING_MUNICIPALITY_NAME) == 0 ||
       strcmp (key, HW_SETTING_DISTRICT_NAME) == 0) &&
      (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > MAX_NAME))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("%s (%s) is longer than %d characters"), label, key, MAX_NAME);
      return FALSE;
    }
  return TRUE;
}

static gboolean
need (GHashTable *settings, const char *key, const char *because, GError **error)
{
  const char *value = g_hash_table_lookup (settings, key);

  if (value && *value)
    return TRUE;
  /* Translators: "District number (service-district) is needed: Oslo reports per district" */
  g_set_error (error, HW_ERROR, HW_ERROR_REQUIRED, _("%s (%s) is needed: %s"),
               hw_municipality_get_label (key), key, because);
  return FALSE;
}

gboolean
hw_municipality_check (GHashTable *settings, GError **error)
{
  const char *number = g_hash_table_lookup (settings, HW_SETTING_MUNICIPALITY);
  const char *city = hw_municipality_district_city (number);

  if (number && !need (settings, HW_SETTING_MUNICIPALITY_NAME,
                       _("the Barnevern v4 report names the municipality"), error))
    return FALSE;
  if (city)
    {
      /* Translators: %s is the city, e.g. "Oslo reports to SSB per district (bydel)" */
      g_autofree char *because = g_strdup_printf (_("%s reports to SSB per district (bydel)"),
                                                  city);

      if (!need (settings, HW_SETTING_DISTRICT, because, error) ||
          !need (settings, HW_SETTING_DISTRICT_NAME, because, error))
        return FALSE;
    }
  if (g_hash_table_lookup (settings, HW_SETTING_DISTRICT) &&
      !need (settings, HW_SETTING_DISTRICT_NAME,
             _("the Barnevern v4 report gives a district's number with its name"), error))
    return FALSE;
  if (g_hash_table_lookup (settings, HW_SETTING_DISTRICT_NAME) &&
      !need (settings, HW_SETTING_DISTRICT,
             _("the Barnevern v4 report gives a district's name with its number"), error))
    return FALSE;
  return TRUE;
}
