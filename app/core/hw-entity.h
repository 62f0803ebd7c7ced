/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hw-arena.h"
#include "hw-codes.h"
#include "hw-model.h"

G_BEGIN_DECLS

typedef enum {
  HW_FIELD_TEXT,
  HW_FIELD_REF,      /* char *: the id of another record (ref_entity) */
  HW_FIELD_DATE,     /* HwDate */
  HW_FIELD_INT,      /* int */
  HW_FIELD_BOOL,     /* gboolean */
  HW_FIELD_ENUM,     /* int, stored by name */
} HwFieldType;

typedef enum {
  HW_FIELD_REQUIRED = 1 << 0,
  HW_FIELD_OWNER    = 1 << 1,  /* the reference to the record's case or foster home */
  HW_FIELD_PERSONAL = 1 << 2,  /* identity numbers, names: never in logs */
  HW_FIELD_IDENTITY = 1 << 3,  /* validated as an identity number */
  HW_FIELD_END      = 1 << 4,  /* must not be before the entity's start field */
  HW_FIELD_START    = 1 << 5,
  HW_FIELD_PROSE    = 1 << 6,  /* free text no rule reads: left out when loading facts */
  HW_FIELD_MULTILINE = 1 << 7, /* text: line breaks and tabs allowed, HW_TEXT_MAX_CHARS */
} HwFieldFlags;

/* What hw_record_validate() allows in a text field, in characters. Every other text field is
 * one line (a name, a code, a journal or identity number) with no tab or control character,
 * so it cannot break a tab-separated row or a one-line label: 200 is four times the longest
 * Norwegian personal name the registers accept and far beyond any code. Free text (notes,
 * views, grounds) may hold line breaks: 50,000 characters is about twenty printed pages, two
 * to three times the longest journal note a caseworker writes, and keeps a record well below
 * a megabyte however many fields it has. */
#define HW_LINE_MAX_CHARS 200
#define HW_TEXT_MAX_CHARS 50000

/* The entities the rule engine reads (a bit per HwEntity): the store loads only these, without
 * their prose, when it feeds a whole caseload to the rules. */
#define HW_ENTITY_BIT(e) (G_GUINT64_CONSTANT (1) << (e))
/* Samvær sessions are read since rules.md v2 (SAMVAER_MINIMUM_YEAR counts those held). */
#define HW_FACT_ENTITIES \
  (~(HW_ENTITY_BIT (HW_ENTITY_ACTIVITY) | HW_ENTITY_BIT (HW_ENTITY_MOVE)))

typedef struct {
  const char        *name;        /* SQL column and XML attribute */
  HwFieldType        type;
  guint              flags;
  gsize              offset;
  const char *const *enum_names;  /* HW_FIELD_ENUM: NULL-terminated, index = value */
  HwEntity           ref_entity;  /* HW_FIELD_REF */
  const char        *label;       /* N_(): the field's name as users see it */
  const char *const *enum_labels; /* HW_FIELD_ENUM: N_() names of the values, as enum_names */
  HwCodeList         codes;       /* TEXT or INT: the codes it may hold, else HW_CODES_NONE */
} HwField;

typedef struct {
  HwEntity       entity;
  const char    *name;      /* SQL table and XML element */
  const char    *label;     /* N_() */
  gsize          size;
  HwEntity       owner;     /* HW_ENTITY_CASE, HW_ENTITY_FOSTER_HOME, or itself for roots */
  const HwField *fields;    /* without "id" */
  guint          n_fields;
} HwEntityInfo;

const HwEntityInfo *hw_entity_info          (HwEntity entity);
const HwEntityInfo *hw_entity_info_by_name  (const char *name);
const HwField      *hw_entity_find_field    (const HwEntityInfo *info, const char *name);
/* The owner reference (case_id/home_id) of a record, or NULL for roots. */
const char         *hw_record_get_owner_id  (gconstpointer record);
/* TRUE for an owned entity no other record refers to (a visit, a contact session…): its id is
 * unique only together with its owner's, and the store finds it by both. See app/store/DESIGN.md
 * and migration 5. */
gboolean            hw_entity_is_owner_keyed (HwEntity entity);

gpointer  hw_record_new        (HwEntity entity);           /* with a fresh UUID */
gpointer  hw_record_copy       (gconstpointer record);
void      hw_record_free       (gpointer record);
/* A read-only record whose struct and strings are one allocation: streaming a whole caseload
 * through the rules allocates once per record instead of once per string, or, from an
 * @arena (else NULL), not at all. @texts holds one entry per field (ignored but for text
 * fields). Its fields must not be set; copy it first (hw_record_copy gives an ordinary
 * record). Freeing one from an arena does nothing: it lives until the arena's rewind. */
enum { HW_RECORD_PACKED_HEAP = 1, HW_RECORD_PACKED_ARENA = 2 };
gpointer  hw_record_new_packed (HwEntity entity, const char *id, const char *const *texts,
                                HwArena *arena);

/* Field access by description. Text getters return borrowed strings. */
const char *hw_field_get_text  (gconstpointer record, const HwField *field);
void        hw_field_set_text  (gpointer record, const HwField *field, const char *value);
int         hw_field_get_int   (gconstpointer record, const HwField *field);  /* INT/BOOL/ENUM/DATE */
void        hw_field_set_int   (gpointer record, const HwField *field, int value);
/* The value as text (dates ISO, enums by name, bools "true"/"false"); NULL when empty. */
char       *hw_field_dup_string (gconstpointer record, const HwField *field);
/* Sets from text as written by hw_field_dup_string(); FALSE and @error naming the field. */
gboolean    hw_field_parse_string (gpointer record, const HwField *field, const char *text,
                                   GError **error);

/* What users read for a value of an enumeration or a coded field (translated), or NULL when
 * the field has no such value (or is neither). */
const char *hw_field_get_value_label (const HwField *field, int value);
/* The same by names: hw_entity_get_value_label (HW_ENTITY_STAFF, "role", role). */
const char *hw_entity_get_value_label (HwEntity entity, const char *field_name, int value);

const char *hw_enum_to_string  (const char *const *names, int value);
int         hw_enum_from_string (const char *const *names, const char *text); /* -1 unknown */

gboolean hw_uuid_is_valid      (const char *text);

/* Checks a record on its own: required fields, identity numbers, dates in order, codes in
 * their field's list (HwField.codes) and enumerations in range.
 * @birth_date, when set, is the child's: no record of the case may predate it. */
gboolean hw_record_validate    (gconstpointer record, HwDate birth_date, GError **error);

/* A root record (case or foster home) with every record it owns, grouped by entity. */
typedef struct {
  gpointer   root;
  GPtrArray *records[HW_N_ENTITIES];  /* NULL where none; elements freed with the dossier */
} HwDossier;

HwDossier *hw_dossier_new      (gpointer root);
void       hw_dossier_free     (HwDossier *dossier);
void       hw_dossier_add      (HwDossier *dossier, gpointer record);  /* takes ownership */
/* Never NULL: an empty array when the dossier holds none of @entity. */
GPtrArray *hw_dossier_get      (const HwDossier *dossier, HwEntity entity);
gpointer   hw_dossier_find     (const HwDossier *dossier, HwEntity entity, const char *id);
guint      hw_dossier_count    (const HwDossier *dossier);

#define hw_dossier_case(d)  ((HwCase *) (d)->root)
/* The case's child (the latest Personalia), or NULL. */
HwChild   *hw_dossier_child    (const HwDossier *dossier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwDossier, hw_dossier_free)

/* g_autoptr for records: g_autoptr(HwRecordPtr) is awkward in C, so use g_autofree-like: */
#define hw_autorecord __attribute__((cleanup (hw_record_autofree)))
void hw_record_autofree (gpointer pointer_to_record);

G_END_DECLS
