/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-plan-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <stdlib.h>
#include <string.h>

#include "hw-document-data.h"
#include "hw-error.h"
#include "hw-evaluator.h"
#include "hw-plan-template.h"

#define NS "https://homeward.no/ns/plan-template/1"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)

struct _HwPlanTemplate {
  GObject    parent_instance;
  GPtrArray *rows[HW_TEMPLATE_N_VARIANTS];   /* HwTemplateRow */
  GPtrArray *descriptions;                   /* HwLocalizedText */
};

G_DEFINE_FINAL_TYPE (HwPlanTemplate, hw_plan_template, G_TYPE_OBJECT)

static const char *const part_names[] = { "child", "parents", "foster-family", NULL };
static const char *const anchor_names[] = { "care-order", "move-in", "return", "previous", NULL };
static const char *const responsible_names[] = { "caseworker", "team-leader", "tilsyn",
                                                 "foster-parents", "parents", "service", NULL };
static const char *const variant_names[] = { "ordinary", "reversed", NULL };

static int
name_index (const char *const *names, const char *name, int fallback)
{
  for (int i = 0; name && names[i]; i++)
    if (g_str_equal (names[i], name))
      return i;
  return fallback;
}

/* ---- Localized texts ---- */

static void
localized_free (gpointer data)
{
  HwLocalizedText *t = data;

  g_free (t->lang);
  g_free (t->text);
  g_free (t);
}

static GPtrArray *
localized_array_new (void)
{
  return g_ptr_array_new_with_free_func (localized_free);
}

static void
localized_set (GPtrArray *texts, const char *lang, const char *text)
{
  HwLocalizedText *t;

  for (guint i = 0; i < texts->len; i++)
    {
      t = texts->pdata[i];
      if (g_ascii_strcasecmp (t->lang, lang) == 0)
        {
          if (text == NULL || *text == '\0')
            g_ptr_array_remove_index (texts, i);
          else
            {
              g_free (t->text);
              t->text = g_strdup (text);
            }
          return;
        }
    }
  if (text == NULL || *text == '\0')
    return;
  t = g_new0 (HwLocalizedText, 1);
  t->lang = g_strdup (lang);
  t->text = g_strdup (text);
  g_ptr_array_add (texts, t);
}

static const char *
localized_find_exact (GPtrArray *texts, const char *lang)
{
  for (guint i = 0; i < texts->len; i++)
    {
      HwLocalizedText *t = texts->pdata[i];

      if (g_ascii_strcasecmp (t->lang, lang) == 0)
        return t->text;
    }
  return NULL;
}

/* The text in Homeward's language (hw_lang_get), then bokmål for nynorsk, then English. */
static const char *
localized_get (GPtrArray *texts)
{
  HwLang lang = hw_lang_get ();
  const char *found;

  if (texts == NULL || texts->len == 0)
    return NULL;
  if ((found = localized_find_exact (texts, hw_lang_to_string (lang))))
    return found;
  if (lang == HW_LANG_NN && (found = localized_find_exact (texts, "nb")))
    return found;
  if ((found = localized_find_exact (texts, "en")))
    return found;
  return ((HwLocalizedText *) texts->pdata[0])->text;
}

static GPtrArray *
localized_copy (GPtrArray *texts)
{
  GPtrArray *copy = localized_array_new ();

  for (guint i = 0; i < texts->len; i++)
    {
      HwLocalizedText *t = texts->pdata[i];

      localized_set (copy, t->lang, t->text);
    }
  return copy;
}

/* ---- Rows ---- */

HwTemplateRow *
hw_template_row_new (const char *key, HwPart part)
{
  HwTemplateRow *row = g_new0 (HwTemplateRow, 1);

  row->key = g_strdup (key);
  row->part = part;
  row->anchor = HW_ANCHOR_MOVE_IN;
  row->for_months = 12;
  row->responsible = HW_RESPONSIBLE_CASEWORKER;
  row->basis = 'K';
  row->titles = localized_array_new ();
  row->participants = localized_array_new ();
  return row;
}

HwTemplateRow *
hw_template_row_copy (const HwTemplateRow *row)
{
  HwTemplateRow *copy;

  g_return_val_if_fail (row != NULL, NULL);
  copy = g_memdup2 (row, sizeof *row);
  copy->key = g_strdup (row->key);
  copy->source = g_strdup (row->source);
  copy->titles = localized_copy (row->titles);
  copy->participants = localized_copy (row->participants);
  return copy;
}

void
hw_template_row_free (HwTemplateRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->source);
  g_ptr_array_unref (row->titles);
  g_ptr_array_unref (row->participants);
  g_free (row);
}

const char *
hw_template_row_get_title (const HwTemplateRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return localized_get (row->titles);
}

const char *
hw_template_row_get_participants (const HwTemplateRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);
  return localized_get (row->participants);
}

void
hw_template_row_set_title (HwTemplateRow *row, const char *lang, const char *text)
{
  g_return_if_fail (row != NULL && lang != NULL);
  localized_set (row->titles, lang, text);
}

void
hw_template_row_set_participants (HwTemplateRow *row, const char *lang, const char *text)
{
  g_return_if_fail (row != NULL && lang != NULL);
  localized_set (row->participants, lang, text);
}

/* By HwResponsible. Activities keep the label they were made with; the English one is
 * recognised to show it in the reader's language (hw_plan_template_localize_activity). */
static const char *const responsible_msgids[] = {
  /* Translators: the kontaktperson, who is responsible for a plan activity */
  N_("Caseworker"),
  N_("Team leader"),
  /* Translators: tilsynsfører, appointed by the foster home's municipality */
  N_("Supervisor (foster-home municipality)"),
  N_("Foster parents"),
  N_("Parents"),
  N_("Child welfare service"),
};

const char *
hw_responsible_to_label (HwResponsible responsible)
{
  if ((guint) responsible >= G_N_ELEMENTS (responsible_msgids))
    return "";
  return _(responsible_msgids[responsible]);
}

const char *
hw_template_anchor_to_label (HwTemplateAnchor anchor)
{
  switch (anchor)
    {
    case HW_ANCHOR_CARE_ORDER:
      return _("Care order decided");
    case HW_ANCHOR_MOVE_IN:
      return _("Move-in");
    case HW_ANCHOR_RETURN:
      return _("Return home");
    case HW_ANCHOR_PREVIOUS:
      return _("Previous activity");
    default:
      return "";
    }
}

const char *
hw_template_variant_to_label (HwTemplateVariant variant)
{
  switch (variant)
    {
    case HW_TEMPLATE_ORDINARY:
      return _("Ordinary");
    case HW_TEMPLATE_REVERSED:
      /* Translators: "omvendt Omsorgspakke", used when a child returns home */
      return _("Reversed (return home)");
    default:
      return "";
    }
}

/* ---- The object ---- */

static void
hw_plan_template_finalize (GObject *object)
{
  HwPlanTemplate *self = HW_PLAN_TEMPLATE (object);

  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    g_clear_pointer (&self->rows[v], g_ptr_array_unref);
  g_clear_pointer (&self->descriptions, g_ptr_array_unref);
  G_OBJECT_CLASS (hw_plan_template_parent_class)->finalize (object);
}

static void
hw_plan_template_class_init (HwPlanTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hw_plan_template_finalize;
}

static void
hw_plan_template_init (HwPlanTemplate *self)
{
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    self->rows[v] = g_ptr_array_new_with_free_func ((GDestroyNotify) hw_template_row_free);
  self->descriptions = localized_array_new ();
}

HwPlanTemplate *
hw_plan_template_new (void)
{
  return g_object_new (HW_TYPE_PLAN_TEMPLATE, NULL);
}

GPtrArray *
hw_plan_template_get_rows (HwPlanTemplate *self, HwTemplateVariant variant)
{
  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), NULL);
  g_return_val_if_fail (variant < HW_TEMPLATE_N_VARIANTS, NULL);
  return self->rows[variant];
}

const HwTemplateRow *
hw_plan_template_find_row (HwPlanTemplate *self, const char *key, HwTemplateVariant *variant)
{
  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), NULL);
  for (guint v = 0; key && v < HW_TEMPLATE_N_VARIANTS; v++)
    for (guint i = 0; i < self->rows[v]->len; i++)
      {
        HwTemplateRow *row = self->rows[v]->pdata[i];

        if (g_str_equal (row->key, key))
          {
            if (variant)
              *variant = v;
            return row;
          }
      }
  return NULL;
}

const char *
hw_plan_template_get_description (HwPlanTemplate *self)
{
  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), NULL);
  return localized_get (self->descriptions);
}

/* ---- Schema ---- */

static xmlSchemaPtr
get_schema (GError **error)
{
  xmlSchemaPtr schema = hw_document_get_plan_schema ("template.xsd");

  if (schema == NULL)
    {
      g_autofree char *path = hw_document_dup_data_path ("plan", "template.xsd", NULL);

      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("The activity template’s schema could not be read from %s"), path);
    }
  return schema;
}

typedef struct {
  GString *messages;
  guint    count;
} SchemaErrors;

static void
on_schema_error (void *data, xmlErrorPtr err)
{
  SchemaErrors *errors = data;

  if (err == NULL || errors->count++ >= 5)
    return;
  if (errors->messages->len)
    g_string_append (errors->messages, "; ");
  g_string_append_printf (errors->messages, _("line %d: %s"), err->line,
                          err->message ? g_strstrip (err->message) : "");
}

static gboolean
validate_doc (xmlDoc *doc, GError **error)
{
  xmlSchemaPtr schema = get_schema (error);
  g_autoptr(xmlSchemaValidCtxt) vctx = NULL;
  SchemaErrors errors = { NULL, 0 };
  int rc;

  if (schema == NULL)
    return FALSE;
  vctx = xmlSchemaNewValidCtxt (schema);
  errors.messages = g_string_new (NULL);
  xmlSchemaSetValidStructuredErrors (vctx, on_schema_error, &errors);
  rc = xmlSchemaValidateDoc (vctx, doc);
  if (rc != 0)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                   _("The activity template is not valid: %s"),
                   errors.messages->len ? errors.messages->str : _("unknown error"));
      g_string_free (errors.messages, TRUE);
      return FALSE;
    }
  g_string_free (errors.messages, TRUE);
  return TRUE;
}

/* ---- Reading ---- */

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
         g_str_equal ((const char *) node->ns->href, NS) &&
         g_str_equal ((const char *) node->name, name);
}

static char *
dup_prop (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static int
int_prop (xmlNode *node, const char *name, int fallback)
{
  g_autofree char *value = dup_prop (node, name);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : fallback;
}

static char *
dup_content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value ? g_strstrip ((char *) value) : "");

  xmlFree (value);
  return copy;
}

static void
read_localized (GPtrArray *texts, xmlNode *node)
{
  g_autofree char *lang = dup_prop (node, "lang");
  g_autofree char *text = dup_content (node);

  localized_set (texts, lang ? lang : "en", text);
}

static HwTemplateRow *
read_row (xmlNode *node)
{
  g_autofree char *key = dup_prop (node, "key");
  g_autofree char *part = dup_prop (node, "part");
  g_autofree char *anchor = dup_prop (node, "anchor");
  g_autofree char *responsible = dup_prop (node, "responsible");
  g_autofree char *basis = dup_prop (node, "basis");
  g_autofree char *per_parent = dup_prop (node, "per-parent");
  HwTemplateRow *row = hw_template_row_new (key, name_index (part_names, part, 0));

  row->anchor = name_index (anchor_names, anchor, HW_ANCHOR_MOVE_IN);
  row->offset_days = int_prop (node, "offset-days", 0);
  row->offset_months = int_prop (node, "offset-months", 0);
  row->repeat_days = int_prop (node, "repeat-days", 0);
  row->repeat_months = int_prop (node, "repeat-months", 0);
  row->for_months = int_prop (node, "for-months", 12);
  row->responsible = name_index (responsible_names, responsible, HW_RESPONSIBLE_CASEWORKER);
  row->basis = basis && *basis ? basis[0] : 'K';
  row->per_parent = per_parent &&
                    (g_str_equal (per_parent, "true") || g_str_equal (per_parent, "1"));

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_element (child, "title"))
        read_localized (row->titles, child);
      else if (is_element (child, "participants"))
        read_localized (row->participants, child);
      else if (is_element (child, "source"))
        {
          g_free (row->source);
          row->source = dup_content (child);
        }
    }
  return row;
}

HwPlanTemplate *
hw_plan_template_new_from_data (const char *xml, gssize length, GError **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(HwPlanTemplate) self = NULL;
  xmlNode *root;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (xml);
  ctxt = xmlNewParserCtxt ();
  /* No network, no DTD, no entity expansion: a template is plain data. */
  doc = xmlCtxtReadMemory (ctxt, xml, (int) length, "template.xml", "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      xmlErrorPtr err = xmlCtxtGetLastError (ctxt);

      g_set_error (error, HW_ERROR, HW_ERROR_PARSE,
                   _("The activity template could not be read: line %d: %s"),
                   err ? err->line : 0,
                   err && err->message ? g_strstrip (err->message) : _("unknown error"));
      return NULL;
    }
  if (doc->intSubset || doc->extSubset)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_PARSE,
                   _("The activity template could not be read: line %d: %s"),
                   doc->intSubset ? (int) xmlGetLineNo ((xmlNode *) doc->intSubset) : 1,
                   _("a document type declaration is not allowed"));
      return NULL;
    }
  if (!validate_doc (doc, error))
    return NULL;

  self = hw_plan_template_new ();
  root = xmlDocGetRootElement (doc);
  for (xmlNode *node = root->children; node; node = node->next)
    {
      if (is_element (node, "description"))
        read_localized (self->descriptions, node);
      else if (is_element (node, "variant"))
        {
          g_autofree char *name = dup_prop (node, "name");
          int v = name_index (variant_names, name, HW_TEMPLATE_ORDINARY);

          for (xmlNode *child = node->children; child; child = child->next)
            if (is_element (child, "row"))
              g_ptr_array_add (self->rows[v], read_row (child));
        }
    }
  return g_steal_pointer (&self);
}

static HwPlanTemplate *
hw_plan_template_new_from_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return hw_plan_template_new_from_data (contents, (gssize) length, error);
}

HwPlanTemplate *
hw_plan_template_load_default (GError **error)
{
  g_autofree char *path = hw_document_dup_data_path ("plan", "template.xml", NULL);

  return hw_plan_template_new_from_file (path, error);
}

/* ---- Writing ---- */

static void
write_localized (GString *out, const char *element, GPtrArray *texts, const char *indent)
{
  for (guint i = 0; i < texts->len; i++)
    {
      HwLocalizedText *t = texts->pdata[i];
      g_autofree char *line = g_markup_printf_escaped ("%s<%s lang=\"%s\">%s</%s>\n", indent,
                                                       element, t->lang, t->text, element);

      g_string_append (out, line);
    }
}

char *
hw_plan_template_to_xml (HwPlanTemplate *self)
{
  GString *out;

  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), NULL);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<plan-template xmlns=\"" NS "\" version=\"1\">\n");
  write_localized (out, "description", self->descriptions, "  ");
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    {
      if (v > 0 && self->rows[v]->len == 0)
        continue;
      g_string_append_printf (out, "  <variant name=\"%s\">\n", variant_names[v]);
      for (guint i = 0; i < self->rows[v]->len; i++)
        {
          HwTemplateRow *row = self->rows[v]->pdata[i];
          g_autofree char *key = g_markup_escape_text (row->key ? row->key : "", -1);

          g_string_append_printf (out, "    <row key=\"%s\" part=\"%s\" anchor=\"%s\"", key,
                                  part_names[row->part], anchor_names[row->anchor]);
          if (row->offset_days)
            g_string_append_printf (out, " offset-days=\"%d\"", row->offset_days);
          if (row->offset_months)
            g_string_append_printf (out, " offset-months=\"%d\"", row->offset_months);
          if (row->repeat_days)
            g_string_append_printf (out, " repeat-days=\"%d\"", row->repeat_days);
          if (row->repeat_months)
            g_string_append_printf (out, " repeat-months=\"%d\"", row->repeat_months);
          if (row->for_months != 12)
            g_string_append_printf (out, " for-months=\"%d\"", row->for_months);
          if (row->per_parent)
            g_string_append (out, " per-parent=\"true\"");
          g_string_append_printf (out, " responsible=\"%s\" basis=\"%c\">\n",
                                  responsible_names[row->responsible], row->basis);
          write_localized (out, "title", row->titles, "      ");
          write_localized (out, "participants", row->participants, "      ");
          if (row->source && *row->source)
            {
              g_autofree char *line = g_markup_printf_escaped ("      <source>%s</source>\n",
                                                               row->source);
              g_string_append (out, line);
            }
          g_string_append (out, "    </row>\n");
        }
      g_string_append (out, "  </variant>\n");
    }
  g_string_append (out, "</plan-template>\n");
  return g_string_free (out, FALSE);
}

gboolean
hw_plan_template_validate (HwPlanTemplate *self, GError **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(HwPlanTemplate) check = NULL;

  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), FALSE);
  for (guint v = 0; v < HW_TEMPLATE_N_VARIANTS; v++)
    for (guint i = 0; i < self->rows[v]->len; i++)
      {
        HwTemplateRow *row = self->rows[v]->pdata[i];

        if ((guint) row->part > HW_PART_FOSTER_FAMILY ||
            (guint) row->anchor > HW_ANCHOR_PREVIOUS ||
            (guint) row->responsible > HW_RESPONSIBLE_SERVICE)
          {
            g_set_error (error, HW_ERROR, HW_ERROR_INVALID,
                         _("The activity template is not valid: row “%s” has an unknown value"),
                         row->key ? row->key : "");
            return FALSE;
          }
      }
  xml = hw_plan_template_to_xml (self);
  check = hw_plan_template_new_from_data (xml, -1, error);
  return check != NULL;
}

/* ---- Instantiation ---- */

void
hw_template_anchors_from_dossier (const HwDossier *dossier, HwTemplateAnchors *anchors)
{
  GPtrArray *decisions, *measures, *returns, *assessments;
  const HwReunification *goal = NULL;

  g_return_if_fail (dossier != NULL && anchors != NULL);
  memset (anchors, 0, sizeof *anchors);

  decisions = hw_dossier_get (dossier, HW_ENTITY_DECISION);
  for (guint i = 0; i < decisions->len; i++)
    {
      const HwDecision *d = decisions->pdata[i];

      if (hw_legal_basis_is_care_order (&d->basis) && hw_decision_is_approved (dossier, d) &&
          d->start_date > anchors->care_order)
        anchors->care_order = d->start_date;
    }

  measures = hw_dossier_get (dossier, HW_ENTITY_MEASURE);
  for (guint i = 0; i < measures->len; i++)
    {
      const HwMeasure *m = measures->pdata[i];

      if (hw_measure_is_foster_home (m) && m->start_date > anchors->move_in)
        anchors->move_in = m->start_date;
    }
  /* A placement whose care order is not recorded still counts from the measure (rules.md). */
  if (anchors->care_order == HW_DATE_NONE)
    for (guint i = 0; i < measures->len; i++)
      {
        const HwMeasure *m = measures->pdata[i];

        if (hw_legal_basis_is_care_order (&m->basis) && m->start_date > anchors->care_order)
          anchors->care_order = m->start_date;
      }

  returns = hw_dossier_get (dossier, HW_ENTITY_RETURN);
  for (guint i = 0; i < returns->len; i++)
    {
      const HwReturn *r = returns->pdata[i];

      if (r->date > anchors->return_date)
        anchors->return_date = r->date;
    }
  if (anchors->return_date == HW_DATE_NONE)
    {
      assessments = hw_dossier_get (dossier, HW_ENTITY_REUNIFICATION);
      for (guint i = 0; i < assessments->len; i++)
        {
          const HwReunification *r = assessments->pdata[i];

          if (r->goal != HW_GOAL_NONE && (goal == NULL || r->date >= goal->date))
            goal = r;
        }
      if (goal && goal->goal == HW_GOAL_RETURN_IN_PREPARATION && goal->planned_return)
        anchors->return_date = goal->planned_return;
    }
}

char *
hw_template_key_dup_row_key (const char *template_key)
{
  if (template_key == NULL)
    return NULL;
  return g_strndup (template_key, strcspn (template_key, "/@"));
}

static gboolean
has_key (GHashTable *existing, const char *key)
{
  return g_hash_table_contains (existing, key);
}

static GPtrArray *
parents_of (const HwDossier *dossier)
{
  GPtrArray *persons = hw_dossier_get (dossier, HW_ENTITY_PERSON);
  GPtrArray *parents = g_ptr_array_new ();

  for (guint i = 0; i < persons->len; i++)
    {
      HwPerson *p = persons->pdata[i];

      if (p->parental_responsibility &&
          (p->relation == HW_RELATION_MOTHER || p->relation == HW_RELATION_FATHER ||
           p->relation == HW_RELATION_OTHER_PARENT))
        g_ptr_array_add (parents, p);
    }
  return parents;
}

static HwDate
anchor_date (const HwTemplateAnchors *anchors, HwTemplateAnchor anchor, HwDate previous)
{
  switch (anchor)
    {
    case HW_ANCHOR_CARE_ORDER:
      return anchors->care_order;
    case HW_ANCHOR_MOVE_IN:
      return anchors->move_in;
    case HW_ANCHOR_RETURN:
      return anchors->return_date;
    case HW_ANCHOR_PREVIOUS:
      return previous;
    default:
      return HW_DATE_NONE;
    }
}

static HwActivity *
make_activity (const HwCase *c, const HwTemplateRow *row, const char *key, HwDate due,
               const HwPerson *parent)
{
  HwActivity *a = hw_record_new (HW_ENTITY_ACTIVITY);
  const char *participants = hw_template_row_get_participants (row);

  a->case_id = g_strdup (c->rec.id);
  a->part = row->part;
  a->title = g_strdup (hw_template_row_get_title (row));
  if (a->title == NULL)
    a->title = g_strdup (row->key);
  a->due = due;
  a->responsible = g_strdup (hw_responsible_to_label (row->responsible));
  if (parent && participants)
    a->participants = g_strdup_printf ("%s, %s", parent->name ? parent->name : "", participants);
  else if (parent)
    a->participants = g_strdup (parent->name);
  else
    a->participants = g_strdup (participants);
  a->basis = g_strdup_printf ("%c", row->basis);
  a->template_key = g_strdup (key);
  return a;
}

GPtrArray *
hw_plan_template_instantiate (HwPlanTemplate *self, HwTemplateVariant variant,
                              const HwDossier *dossier, const HwTemplateAnchors *anchors)
{
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) parents = NULL;
  HwTemplateAnchors from_case;
  GPtrArray *activities, *current, *rows;
  HwDate previous = HW_DATE_NONE;
  const HwCase *c;

  g_return_val_if_fail (HW_IS_PLAN_TEMPLATE (self), NULL);
  g_return_val_if_fail (variant < HW_TEMPLATE_N_VARIANTS, NULL);
  g_return_val_if_fail (dossier != NULL && dossier->root != NULL, NULL);

  c = hw_dossier_case (dossier);
  if (anchors == NULL)
    {
      hw_template_anchors_from_dossier (dossier, &from_case);
      anchors = &from_case;
    }
  activities = g_ptr_array_new_with_free_func (hw_record_free);
  current = hw_dossier_get (dossier, HW_ENTITY_ACTIVITY);
  for (guint i = 0; i < current->len; i++)
    {
      HwActivity *a = current->pdata[i];

      if (a->template_key)
        g_hash_table_add (existing, a->template_key);
    }
  parents = parents_of (dossier);

  rows = self->rows[variant];
  for (guint i = 0; i < rows->len; i++)
    {
      const HwTemplateRow *row = rows->pdata[i];
      HwDate base = anchor_date (anchors, row->anchor, previous);
      HwDate first, last;
      guint n_parents = row->per_parent && parents->len ? parents->len : 1;

      if (base == HW_DATE_NONE)
        {
          previous = HW_DATE_NONE;
          continue;
        }
      first = hw_date_add_days (hw_date_add_months (base, row->offset_months), row->offset_days);
      last = hw_date_add_months (first, MAX (row->for_months, 1));
      previous = first;

      for (guint k = 0; ; k++)
        {
          HwDate due = first;

          if (k > 0)
            {
              if (row->repeat_months == 0 && row->repeat_days == 0)
                break;
              due = hw_date_add_days (hw_date_add_months (first, (int) k * row->repeat_months),
                                      (int) k * row->repeat_days);
              if (due >= last)
                break;
            }
          for (guint p = 0; p < n_parents; p++)
            {
              const HwPerson *parent = row->per_parent && parents->len ? parents->pdata[p] : NULL;
              g_autoptr(GString) key = g_string_new (row->key);

              if (k > 0)
                g_string_append_printf (key, "/%u", k + 1);
              if (parent)
                g_string_append_printf (key, "@%s", parent->rec.id);
              if (has_key (existing, key->str))
                continue;
              g_ptr_array_add (activities, make_activity (c, row, key->str, due, parent));
            }
        }
    }
  return activities;
}

/* The text of @texts (any language) that @value is, or NULL. */
static gboolean
is_one_of (GPtrArray *texts, const char *value)
{
  for (guint i = 0; value && i < texts->len; i++)
    if (g_strcmp0 (((HwLocalizedText *) texts->pdata[i])->text, value) == 0)
      return TRUE;
  return FALSE;
}

/* Why an activity made long after its date is not to be done (app/service's upgrade). */
static const char not_applicable_msgid[] = N_("not applicable (long past when the plan was made)");

const char *
hw_plan_not_applicable_reason (void)
{
  return _(not_applicable_msgid);
}

void
hw_plan_template_localize_activity (HwPlanTemplate *self, HwActivity *activity)
{
  g_autofree char *key = NULL;
  const HwTemplateRow *row;
  const char *comma;

  g_return_if_fail (HW_IS_PLAN_TEMPLATE (self));
  g_return_if_fail (activity != NULL);

  /* A packed record's strings are one block: not to be replaced (the facts pass only). */
  if (activity->rec.packed || activity->template_key == NULL)
    return;
  if (g_strcmp0 (activity->dropped_reason, not_applicable_msgid) == 0)
    {
      g_free (activity->dropped_reason);
      activity->dropped_reason = g_strdup (hw_plan_not_applicable_reason ());
    }
  key = hw_template_key_dup_row_key (activity->template_key);
  row = hw_plan_template_find_row (self, key, NULL);
  if (row == NULL)
    return;
  if (is_one_of (row->titles, activity->title) && hw_template_row_get_title (row))
    {
      g_free (activity->title);
      activity->title = g_strdup (hw_template_row_get_title (row));
    }
  if ((guint) row->responsible < G_N_ELEMENTS (responsible_msgids) &&
      (g_strcmp0 (activity->responsible, responsible_msgids[row->responsible]) == 0))
    {
      g_free (activity->responsible);
      activity->responsible = g_strdup (hw_responsible_to_label (row->responsible));
    }
  if (hw_template_row_get_participants (row) == NULL || activity->participants == NULL)
    return;
  if (is_one_of (row->participants, activity->participants))
    {
      g_free (activity->participants);
      activity->participants = g_strdup (hw_template_row_get_participants (row));
    }
  /* One parent's: "Name, the template's text". */
  else if (row->per_parent && (comma = strstr (activity->participants, ", ")) &&
           is_one_of (row->participants, comma + 2))
    {
      char *localized = g_strdup_printf ("%.*s, %s", (int) (comma - activity->participants),
                                         activity->participants,
                                         hw_template_row_get_participants (row));

      g_free (activity->participants);
      activity->participants = localized;
    }
}
