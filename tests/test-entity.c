/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "hw-error.h"
#include "hw-identity.h"
#include "hw-lang.h"
#include "hw-test-support.h"
#include "hw-entity-private.h"

START_TEST (test_entity_names_unique)
{
  for (guint a = 0; a < HW_N_ENTITIES; a++)
    {
      const HwEntityInfo *ia = hw_entity_info (a);

      ck_assert_int_eq (ia->entity, a);
      ck_assert_ptr_eq (hw_entity_info_by_name (ia->name), ia);
      for (guint i = 0; i < ia->n_fields; i++)
        ck_assert_msg (!g_str_equal (ia->fields[i].name, "id"), "%s has an id field", ia->name);
    }
}
END_TEST

START_TEST (test_entity_string_round_trip)
{
  /* Every field of every entity survives dup_string → parse_string. */
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      gpointer a = hw_record_new (e);
      gpointer b = hw_record_copy (a);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const HwField *f = &info->fields[i];

          switch (f->type)
            {
            case HW_FIELD_TEXT: hw_field_set_text (a, f, "tekst æøå"); break;
            case HW_FIELD_REF: hw_field_set_text (a, f, ((HwRecord *) a)->id); break;
            case HW_FIELD_DATE: hw_field_set_int (a, f, (int) hw_date_new (2024, 2, 29)); break;
            case HW_FIELD_INT: hw_field_set_int (a, f, 42); break;
            case HW_FIELD_BOOL: hw_field_set_int (a, f, 1); break;
            case HW_FIELD_ENUM: hw_field_set_int (a, f, 1); break;
            default: ck_abort ();
            }
        }
      ck_assert (!hw_record_equal (a, b));
      for (guint i = 0; i < info->n_fields; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *text = hw_field_dup_string (a, &info->fields[i]);

          ck_assert (hw_field_parse_string (b, &info->fields[i], text, &error));
          ck_assert_no_error (error);
        }
      ck_assert_msg (hw_record_equal (a, b), "%s did not round-trip", info->name);
      hw_record_free (a);
      hw_record_free (b);
    }
}
END_TEST

START_TEST (test_entity_validate_required_names_field)
{
  g_autoptr(GError) error = NULL;
  HwChild *child = hw_record_new (HW_ENTITY_CHILD);

  child->case_id = g_uuid_string_random ();
  child->birth_date = hw_date_new (2015, 3, 14);
  child->fnr = hw_identity_make_synthetic (child->birth_date, 1);
  ck_assert (!hw_record_validate (child, HW_DATE_NONE, &error));
  ck_assert_int_eq (error->code, HW_ERROR_REQUIRED);
  ck_assert_str_eq (error->message, "Given name is required");
  hw_record_free (child);
}
END_TEST

START_TEST (test_entity_validate_end_before_start)
{
  g_autoptr(GError) error = NULL;
  HwMeasure *m = hw_record_new (HW_ENTITY_MEASURE);

  m->case_id = g_uuid_string_random ();
  m->basis.law = g_strdup ("BVL2021");
  m->basis.chapter = g_strdup ("5");
  m->basis.section = g_strdup ("1");
  m->category = g_strdup ("2.1");
  m->start_date = hw_date_new (2024, 5, 1);
  m->end_date = hw_date_new (2024, 4, 30);
  ck_assert (!hw_record_validate (m, HW_DATE_NONE, &error));
  ck_assert_int_eq (error->code, HW_ERROR_RANGE);
  ck_assert_str_eq (error->message, "End date (30.04.2024) is before Start date (01.05.2024)");
  g_clear_error (&error);

  m->end_date = hw_date_new (2024, 5, 1);
  ck_assert (hw_record_validate (m, HW_DATE_NONE, &error));
  /* Not more than nine months before the child's birth (a case may begin in the pregnancy,
   * Personalia kontroll 16). */
  ck_assert (hw_record_validate (m, hw_date_new (2025, 2, 1), &error));
  ck_assert (!hw_record_validate (m, hw_date_new (2025, 2, 2), &error));
  ck_assert_int_eq (error->code, HW_ERROR_RANGE);
  ck_assert_ptr_nonnull (strstr (error->message, "birth"));
  hw_record_free (m);
}
END_TEST

START_TEST (test_entity_validate_identity_and_birth_agree)
{
  g_autoptr(HwDossier) d = hw_test_make_case ("2024-0001");
  HwChild *child = hw_dossier_child (d);
  g_autoptr(GError) error = NULL;

  ck_assert (hw_record_validate (child, HW_DATE_NONE, &error));
  child->birth_date = hw_date_add_days (child->birth_date, 1);
  ck_assert (!hw_record_validate (child, HW_DATE_NONE, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "identity number"));
  g_clear_error (&error);

  g_free (child->fnr);
  child->fnr = g_strdup ("12345678901");
  ck_assert (!hw_record_validate (child, HW_DATE_NONE, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "Identity number"));
}
END_TEST

/* Packed records, on the heap or in an arena: one block holding the strings, equal to the
 * record they were read as, and an arena that reuses its memory after a rewind. */
START_TEST (test_entity_packed_records)
{
  const HwEntityInfo *info = hw_entity_info (HW_ENTITY_VISIT);
  g_autoptr(HwArena) arena = hw_arena_new ();
  HwVisit *plain = hw_record_new (HW_ENTITY_VISIT);
  const char *texts[64] = { NULL };
  HwVisit *heap, *in_arena, *again;
  gpointer large;

  plain->case_id = g_strdup ("6c1f5a2e-8d0b-4c55-9a43-0e2b8f1d7a10");
  plain->measure_id = g_strdup ("b3a9e7c4-1f2d-4e8a-8c6b-5d4e3f2a1b0c");
  plain->notes = g_strdup ("Barnet snakket alene med kontaktpersonen.");
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].type == HW_FIELD_TEXT || info->fields[i].type == HW_FIELD_REF)
      texts[i] = hw_field_get_text (plain, &info->fields[i]);

  heap = hw_record_new_packed (HW_ENTITY_VISIT, plain->rec.id, texts, NULL);
  in_arena = hw_record_new_packed (HW_ENTITY_VISIT, plain->rec.id, texts, arena);
  ck_assert (hw_record_equal (plain, heap));
  ck_assert (hw_record_equal (plain, in_arena));
  ck_assert_int_eq (heap->rec.packed, HW_RECORD_PACKED_HEAP);
  ck_assert_int_eq (in_arena->rec.packed, HW_RECORD_PACKED_ARENA);
  /* The strings live inside the record's own block. */
  ck_assert_ptr_ne (heap->notes, plain->notes);
  ck_assert ((guint8 *) heap->notes > (guint8 *) heap);
  ck_assert_int_eq (GPOINTER_TO_SIZE (in_arena) % 8, 0);
  /* Freeing an arena record does nothing; the rewind hands its memory out again. */
  hw_record_free (in_arena);
  ck_assert_str_eq (in_arena->notes, plain->notes);
  large = hw_arena_alloc0 (arena, 200 * 1024);
  ck_assert_int_eq (((guint8 *) large)[200 * 1024 - 1], 0);
  hw_arena_rewind (arena);
  again = hw_record_new_packed (HW_ENTITY_VISIT, plain->rec.id, texts, arena);
  ck_assert_ptr_eq (again, in_arena);
  /* Many more than one block's worth stay distinct and zeroed. */
  for (guint i = 0; i < 20000; i++)
    {
      guint8 *p = hw_arena_alloc0 (arena, 40);

      ck_assert_int_eq (p[0] | p[39], 0);
      memset (p, 0xff, 40);
    }
  hw_record_free (heap);
  hw_record_free (plain);
}
END_TEST

START_TEST (test_entity_validate_bad_uuid_and_enum)
{
  g_autoptr(GError) error = NULL;
  HwTeam *team = hw_record_new (HW_ENTITY_TEAM);
  HwStaff *staff = hw_record_new (HW_ENTITY_STAFF);

  team->name = g_strdup ("Team");
  g_free (team->rec.id);
  team->rec.id = g_strdup ("not-a-uuid");
  ck_assert (!hw_record_validate (team, HW_DATE_NONE, &error));
  ck_assert_int_eq (error->code, HW_ERROR_INVALID);
  g_clear_error (&error);

  staff->name = g_strdup ("Kari");
  staff->role = 17;
  ck_assert (!hw_record_validate (staff, HW_DATE_NONE, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "Role"));
  hw_record_free (team);
  hw_record_free (staff);
}
END_TEST

/* A valid child record with @given_name (an owned copy is made). */
static HwChild *
make_child (const char *given_name)
{
  HwChild *child = hw_record_new (HW_ENTITY_CHILD);

  child->case_id = g_uuid_string_random ();
  child->birth_date = hw_date_new (2015, 3, 14);
  child->fnr = hw_identity_make_synthetic (child->birth_date, 1);
  child->given_name = g_strdup (given_name);
  return child;
}

START_TEST (test_entity_validate_blank_required)
{
  const char *blanks[] = { " ", "   \t ", "\xc2\xa0", "\xe2\x80\x83" };   /* NBSP, em space */

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      hw_autorecord HwChild *child = make_child (blanks[i]);

      ck_assert_msg (!hw_record_validate (child, HW_DATE_NONE, &error), "blank %u passed", i);
      ck_assert_str_eq (error->message, i == 1 ? "Given name must be one line, without tabs or "
                                                 "control characters"
                                               : "Given name is required");
    }
}
END_TEST

START_TEST (test_entity_validate_one_line_fields)
{
  const char *bad[] = { "2021-00015\nX", "2021\t00015", "2021\r", "A\x01", "A\x7f" };
  g_autoptr(HwDossier) d = hw_test_make_case ("J-1");
  HwCase *kase = hw_dossier_case (d);
  HwVisit *visit = hw_record_new (HW_ENTITY_VISIT);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_free (kase->journal_no);
      kase->journal_no = g_strdup (bad[i]);
      ck_assert_msg (!hw_record_validate (kase, HW_DATE_NONE, &error), "%u passed", i);
      ck_assert_int_eq (error->code, HW_ERROR_INVALID);
      ck_assert_str_eq (error->message, "Journal number must be one line, without tabs or "
                                        "control characters");
    }

  /* Free text keeps its line breaks and tabs, but no other control character. */
  visit->case_id = g_strdup (kase->rec.id);
  visit->date = hw_date_new (2024, 1, 2);
  visit->notes = g_strdup ("Line one\n\tindented\r\nline three");
  ck_assert (hw_record_validate (visit, HW_DATE_NONE, NULL));
  g_free (visit->notes);
  visit->notes = g_strdup ("bell\x07");
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!hw_record_validate (visit, HW_DATE_NONE, &error));
    ck_assert_str_eq (error->message, "Notes contains a control character");
  }
  g_free (visit->notes);
  visit->notes = g_strdup ("broken \xc3\x28 UTF-8");
  {
    g_autoptr(GError) error = NULL;

    ck_assert (!hw_record_validate (visit, HW_DATE_NONE, &error));
    ck_assert_str_eq (error->message, "Notes is not valid text (UTF-8)");
  }
  hw_record_free (visit);
}
END_TEST

START_TEST (test_entity_validate_lengths)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  hw_autorecord HwChild *child = NULL;
  HwVisit *visit = hw_record_new (HW_ENTITY_VISIT);
  g_autoptr(GError) error = NULL;

  /* 200 characters of two bytes each: counted in characters, not bytes. */
  for (guint i = 0; i < HW_LINE_MAX_CHARS; i++)
    g_string_append (name, "\xc3\xb8");
  child = make_child (name->str);
  ck_assert_msg (hw_record_validate (child, HW_DATE_NONE, &error), "%s",
                 error ? error->message : "");
  g_free (child->given_name);
  g_string_append_c (name, 'x');
  child->given_name = g_strdup (name->str);
  ck_assert (!hw_record_validate (child, HW_DATE_NONE, &error));
  ck_assert_str_eq (error->message, "Given name is too long (201 characters; at most 200)");
  g_clear_error (&error);

  /* A megabyte of name, as an attacker sent it. */
  g_free (child->given_name);
  child->given_name = g_strnfill (1 << 20, 'A');
  ck_assert (!hw_record_validate (child, HW_DATE_NONE, &error));
  ck_assert (g_str_has_prefix (error->message, "Given name is too long"));
  g_clear_error (&error);

  visit->case_id = g_uuid_string_random ();
  visit->date = hw_date_new (2024, 1, 2);
  while (notes->len < HW_TEXT_MAX_CHARS)
    g_string_append (notes, notes->len % 80 == 79 ? "\n" : "a");
  visit->notes = g_strdup (notes->str);
  ck_assert (hw_record_validate (visit, HW_DATE_NONE, NULL));
  g_free (visit->notes);
  g_string_append_c (notes, '.');
  visit->notes = g_strdup (notes->str);
  ck_assert (!hw_record_validate (visit, HW_DATE_NONE, &error));
  ck_assert_str_eq (error->message, "Notes is too long (50001 characters; at most 50000)");
  hw_record_free (visit);
}
END_TEST

/* Every text field is either one line or marked free text: nothing falls between. */
START_TEST (test_entity_text_kinds)
{
  guint n_line = 0, n_free = 0;

  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const HwField *f = &info->fields[i];

          if (f->type != HW_FIELD_TEXT)
            {
              ck_assert_msg (!(f->flags & HW_FIELD_MULTILINE), "%s.%s", info->name, f->name);
              continue;
            }
          /* Names, numbers and codes are never free text. */
          if ((f->flags & (HW_FIELD_IDENTITY | HW_FIELD_REQUIRED)) &&
              !(f->flags & HW_FIELD_MULTILINE))
            n_line++;
          else if (f->flags & HW_FIELD_MULTILINE)
            {
              ck_assert_msg (!(f->flags & HW_FIELD_IDENTITY), "%s.%s", info->name, f->name);
              n_free++;
            }
        }
    }
  ck_assert_uint_gt (n_line, 10);
  ck_assert_uint_gt (n_free, 20);
  ck_assert (!(hw_entity_find_field (hw_entity_info (HW_ENTITY_CASE), "journal_no")->flags &
               HW_FIELD_MULTILINE));
  ck_assert (!(hw_entity_find_field (hw_entity_info (HW_ENTITY_CHILD), "given_name")->flags &
               HW_FIELD_MULTILINE));
}
END_TEST

/* Every enumeration's value has a name, and every coded field a list whose codes have names:
 * a choice in a form never shows a stored name or a raw code. */
START_TEST (test_entity_every_value_has_a_name)
{
  for (guint e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const HwField *f = &info->fields[i];

          if (f->type == HW_FIELD_ENUM)
            {
              ck_assert_ptr_nonnull (f->enum_labels);
              for (int v = 0; f->enum_names[v]; v++)
                ck_assert_msg (hw_field_get_value_label (f, v) != NULL &&
                               *hw_field_get_value_label (f, v),
                               "%s.%s = %s has no name", info->name, f->name, f->enum_names[v]);
              ck_assert_ptr_null (hw_field_get_value_label (f, 99));
            }
          if (f->codes != HW_CODES_NONE)
            ck_assert (f->type == HW_FIELD_TEXT || f->type == HW_FIELD_INT);
        }
    }
  ck_assert_str_eq (hw_entity_get_value_label (HW_ENTITY_STAFF, "role", HW_ROLE_TEAM_LEADER),
                    "Team leader");
}
END_TEST

/* The one choice of language: without a catalogue for the user's language, English; once a
 * program sets one (--lang), it holds for gettext's words too, so that the neutral words of a
 * printout ("the foster home") speak the language of the rules' texts (issue 18). */
START_TEST (test_lang_one_choice)
{
  const char *localedir = g_getenv ("HOMEWARD_LOCALEDIR");

  g_unsetenv ("LANGUAGE");
  ck_assert_int_eq (hw_lang_get (), HW_LANG_EN);
  ck_assert_int_eq (hw_lang_from_string ("nb_NO.UTF-8"), HW_LANG_NB);
  ck_assert_int_eq (hw_lang_from_string ("no"), HW_LANG_NB);
  ck_assert_int_eq (hw_lang_from_string ("de"), -1);
  ck_assert_msg (localedir != NULL, "HOMEWARD_LOCALEDIR (the built catalogues) is not set");
  /* As the programs start (LC_ALL=C.UTF-8 here: gettext heeds LANGUAGE in all but "C"). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  ck_assert_str_eq (_("the foster home"), "the foster home");
  hw_lang_set (HW_LANG_NN);
  ck_assert_int_eq (hw_lang_get (), HW_LANG_NN);
  ck_assert_str_eq (_("the foster home"), "fosterheimen");
  hw_lang_set (HW_LANG_NB);
  ck_assert_str_eq (_("the foster home"), "fosterhjemmet");
  hw_lang_set (HW_LANG_EN);
  ck_assert_str_eq (_("the foster home"), "the foster home");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("entity");
  TCase *tc = tcase_create ("entity");

  tcase_add_test (tc, test_entity_names_unique);
  tcase_add_test (tc, test_entity_string_round_trip);
  tcase_add_test (tc, test_entity_validate_required_names_field);
  tcase_add_test (tc, test_entity_validate_end_before_start);
  tcase_add_test (tc, test_entity_validate_identity_and_birth_agree);
  tcase_add_test (tc, test_entity_validate_bad_uuid_and_enum);
  tcase_add_test (tc, test_entity_packed_records);
  tcase_add_test (tc, test_entity_validate_blank_required);
  tcase_add_test (tc, test_entity_validate_one_line_fields);
  tcase_add_test (tc, test_entity_validate_lengths);
  tcase_add_test (tc, test_entity_text_kinds);
  tcase_add_test (tc, test_entity_every_value_has_a_name);
  tcase_add_test (tc, test_lang_one_choice);
  suite_add_tcase (s, tc);
  return hw_test_run_suite (s);
}
