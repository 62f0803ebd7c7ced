/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-plan-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "hw-document-data.h"
#include "hw-error.h"
#include "hw-plan-recipients.h"
#include "hw-plan-recipients-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

static const char *const recipient_names[] = { "internal", "parent", "foster-parents",
                                               "tribunal", "child", NULL };
/* Keep in the order of HwPlanSection / HwPlanField and of recipients.xsd. */
static const char *const section_names[] = { "header", "summary", "child", "parents",
                                             "foster-family", "samvaer", "reunification",
                                             "findings", "calendar", "signatures", NULL };
static const char *const field_names[] = { "protected-location", "child-address", "school",
                                           "foster-home", "foster-parents", "household",
                                           "home-documents", "contact-details",
                                           "parent-followup", "own-followup",
                                           "assessment-grounds", "child-views", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (recipient_names) == HW_N_RECIPIENTS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (section_names) == HW_N_PLAN_SECTIONS + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == HW_N_PLAN_FIELDS + 1);

static int
name_index (const char *const *names, const char *text)
{
  for (int i = 0; text && names[i]; i++)
    if (g_str_equal (text, names[i]))
      return i;
  return -1;
}

gboolean
hw_recipient_from_string (const char *text, HwRecipient *recipient)
{
  int i = name_index (recipient_names, text);

  if (i < 0)
    return FALSE;
  if (recipient)
    *recipient = (HwRecipient) i;
  return TRUE;
}

const char *
hw_recipient_to_string (HwRecipient recipient)
{
  g_return_val_if_fail ((guint) recipient < HW_N_RECIPIENTS, NULL);
  return recipient_names[recipient];
}

const char *
hw_recipient_to_label (HwRecipient recipient)
{
  switch (recipient)
    {
    case HW_RECIPIENT_INTERNAL:
      /* Translators: for whom a plan was printed: "Printed for: %s" */
      return _("internal use in the child welfare service");
    case HW_RECIPIENT_PARENT:
      return _("a parent");
    case HW_RECIPIENT_FOSTER_PARENTS:
      return _("the foster parents");
    case HW_RECIPIENT_TRIBUNAL:
      return _("the county tribunal (barneverns- og helsenemnda)");
    case HW_RECIPIENT_CHILD:
      return _("the child");
    case HW_N_RECIPIENTS:
    default:
      return "";
    }
}

/* ---- The table ---- */

static xmlSchemaPtr
get_schema (GError **error)
{
  xmlSchemaPtr schema = hw_document_get_plan_schema ("recipients.xsd");

  if (schema == NULL)
    {
      g_autofree char *path = hw_document_dup_data_path ("plan", "recipients.xsd", NULL);

      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("The recipient table’s schema could not be read from %s"), path);
    }
  return schema;
}

static void
on_schema_error (void *data, xmlErrorPtr err)
{
  GString *messages = data;

  if (err == NULL || messages->len > 400)
    return;
  g_string_append_printf (messages, "%s", messages->len ? "; " : "");
  g_string_append_printf (messages, _("line %d: %s"), err->line,
                          err->message ? g_strstrip (err->message) : "");
}

static guint
parse_bits (xmlNode *node, const char *attribute, const char *const *names)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) attribute);
  g_auto(GStrv) words = g_strsplit_set (value ? (const char *) value : "", " \t\r\n", -1);
  guint bits = 0;

  xmlFree (value);
  for (guint i = 0; words[i]; i++)
    {
      int index = name_index (names, words[i]);

      /* The schema has refused anything unknown already. */
      if (index >= 0)
        bits |= 1u << index;
    }
  return bits;
}

gboolean
hw_recipient_table_parse (const char *xml, gssize length, HwRecipientTable *table,
                          GError **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlSchemaValidCtxt) vctx = NULL;
  g_autoptr(GString) messages = NULL;
  HwRecipientTable out = { 0 };
  xmlSchemaPtr schema;

  g_return_val_if_fail (xml != NULL && table != NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (xml);
  ctxt = xmlNewParserCtxt ();
  /* No network, no DTD, no entity expansion: the table is plain data. */
  doc = xmlCtxtReadMemory (ctxt, xml, (int) length, "recipients.xml", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || doc->intSubset || doc->extSubset)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);

      g_set_error (error, HW_ERROR, HW_ERROR_PARSE,
                   _("The recipient table could not be read: line %d: %s"),
                   err ? err->line : 1,
                   doc ? _("a document type declaration is not allowed")
                       : err && err->message ? g_strstrip (err->message) : _("unknown error"));
      return FALSE;
    }
  schema = get_schema (error);
  if (schema == NULL)
    return FALSE;
  vctx = xmlSchemaNewValidCtxt (schema);
  messages = g_string_new (NULL);
  xmlSchemaSetValidStructuredErrors (vctx, on_schema_error, messages);
  if (xmlSchemaValidateDoc (vctx, doc) != 0)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID, _("The recipient table is not valid: %s"),
                   messages->len ? messages->str : _("unknown error"));
      return FALSE;
    }

  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    {
      xmlChar *kind;
      int index;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      kind = xmlGetProp (node, (const xmlChar *) "kind");
      index = name_index (recipient_names, (const char *) kind);
      xmlFree (kind);
      if (index < 0)
        continue;
      out.policy[index].sections = parse_bits (node, "sections", section_names);
      out.policy[index].fields = parse_bits (node, "fields", field_names);
    }
  *table = out;
  return TRUE;
}

gboolean
hw_recipient_table_load_default (HwRecipientTable *table, GError **error)
{
  g_autofree char *path = hw_document_dup_data_path ("plan", "recipients.xml", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("The recipient table could not be read from %s: %s"), path,
                   local->message);
      return FALSE;
    }
  return hw_recipient_table_parse (contents, (gssize) length, table, error);
}

/* ---- The copies of a case ---- */

void
hw_plan_recipient_free (HwPlanRecipient *recipient)
{
  if (recipient == NULL)
    return;
  g_free (recipient->person_id);
  g_free (recipient->name);
  g_free (recipient);
}

static HwPlanRecipient *
recipient_new (HwRecipient kind, const char *person_id, const char *name)
{
  HwPlanRecipient *r = g_new0 (HwPlanRecipient, 1);

  r->kind = kind;
  r->person_id = g_strdup (person_id);
  r->name = g_strdup (name && *name ? name : hw_recipient_to_label (kind));
  return r;
}

static gboolean
has_samvaer (const HwDossier *dossier, const char *person_id)
{
  GPtrArray *agreements = hw_dossier_get (dossier, HW_ENTITY_SAMVAER_AGREEMENT);

  for (guint i = 0; i < agreements->len; i++)
    if (g_strcmp0 (((HwSamvaerAgreement *) agreements->pdata[i])->person_id, person_id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_recipient_parent (const HwDossier *dossier, const HwPerson *person)
{
  gboolean parent = person->relation == HW_RELATION_MOTHER ||
                    person->relation == HW_RELATION_FATHER ||
                    person->relation == HW_RELATION_OTHER_PARENT;

  return (parent && person->parental_responsibility) || has_samvaer (dossier, person->rec.id);
}

gboolean
hw_plan_is_recipient_parent (const HwDossier *dossier, const char *person_id)
{
  const HwPerson *person = person_id ? hw_dossier_find (dossier, HW_ENTITY_PERSON, person_id)
                                     : NULL;

  return person && is_recipient_parent (dossier, person);
}

GPtrArray *
hw_plan_list_recipients (const HwDossier *dossier)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_plan_recipient_free);
  GPtrArray *persons = hw_dossier_get (dossier, HW_ENTITY_PERSON);
  const HwChild *child = hw_dossier_child (dossier);

  g_ptr_array_add (out, recipient_new (HW_RECIPIENT_INTERNAL, NULL, NULL));
  for (guint i = 0; i < persons->len; i++)
    {
      const HwPerson *person = persons->pdata[i];

      if (is_recipient_parent (dossier, person))
        g_ptr_array_add (out, recipient_new (HW_RECIPIENT_PARENT, person->rec.id,
                                             person->name));
    }
  g_ptr_array_add (out, recipient_new (HW_RECIPIENT_FOSTER_PARENTS, NULL, NULL));
  g_ptr_array_add (out, recipient_new (HW_RECIPIENT_TRIBUNAL, NULL, NULL));
  if (child)
    {
      g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s",
                                                           child->given_name ? child->given_name : "",
                                                           child->family_name ? child->family_name : ""));

      g_ptr_array_add (out, recipient_new (HW_RECIPIENT_CHILD, NULL, name));
    }
  return out;
}
