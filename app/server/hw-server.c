/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-server"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "hw-entity.h"
#include "hw-error.h"
#include "hw-server.h"
#include "hw-server-private.h"
#include "hw-server-resources.h"

/* Migration 1: one CREATE TABLE per record, generated from the entity descriptions
 * (app/core/hw-entity.c), their foreign keys and indexes, and homeward.record_table, from which
 * the later migrations wire triggers, policies and grants. */
static char *hw_server_dup_records_sql (void);

/* The server's migrations: number i + 1 is migrations[i]. NULL is generated from the entity
 * descriptions (hw_server_dup_records_sql). Append only: a server records what it applied. */
static const char *const migrations[] = {
  NULL,
  "/no/homeward/server/migrations/002-roles.sql",
  "/no/homeward/server/migrations/003-audit.sql",
  "/no/homeward/server/migrations/004-access.sql",
  "/no/homeward/server/migrations/005-ssb-ids.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HW_SERVER_SCHEMA_VERSION);

static const char *const role_names[] = { "caseworker", "team-leader", "head" };

gboolean
hw_server_is_conninfo (const char *db)
{
  const char *p;

  if (db == NULL)
    return FALSE;
  if (g_str_has_prefix (db, "postgresql://") || g_str_has_prefix (db, "postgres://"))
    return TRUE;
  /* libpq's key=value form starts with a keyword and "=": "service=NAME", "host=… dbname=…".
   * A file path has a slash or a dot before any "=" in practice; a keyword never does. */
  p = db;
  while (*p == ' ')
    p++;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (*p == ' ')
    p++;
  return *p == '=';
}

gboolean
hw_server_role_parse (const char *text, HwServerRole *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (HwServerRole) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
hw_server_role_to_string (HwServerRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (role_names), NULL);
  return role_names[role];
}

void
hw_server_conflict_clear (HwServerConflict *conflict)
{
  g_clear_pointer (&conflict->table, g_free);
  g_clear_pointer (&conflict->id, g_free);
  g_clear_pointer (&conflict->changed_by, g_free);
  g_clear_pointer (&conflict->changed_at, g_free);
  conflict->row_version = conflict->read_version = 0;
}

gboolean
hw_server_result_get_conflict (const PGresult *result, HwServerConflict *conflict)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *detail;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;

  memset (conflict, 0, sizeof *conflict);
  if (g_strcmp0 (state, HW_SERVER_SQLSTATE_CHANGED) != 0)
    return FALSE;
  detail = PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL);
  parser = json_parser_new ();
  if (detail == NULL || !json_parser_load_from_data (parser, detail, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  conflict->table = g_strdup (json_object_get_string_member_with_default (object, "table", ""));
  conflict->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
  conflict->row_version = json_object_get_int_member_with_default (object, "row_version", 0);
  conflict->read_version = json_object_get_int_member_with_default (object, "read_version", 0);
  conflict->changed_by = g_strdup (json_object_get_string_member_with_default (object,
                                                                               "changed_by",
                                                                               ""));
  conflict->changed_at = g_strdup (json_object_get_string_member_with_default (object,
                                                                               "changed_at",
                                                                               ""));
  return TRUE;
}

gboolean
hw_server_check (PGconn *conn, const PGresult *result, ExecStatusType status, GError **error)
{
  g_auto(HwServerConflict) conflict = { 0 };
  const char *state;
  const char *message;
  g_autofree char *text = NULL;

  if (result != NULL && PQresultStatus (result) == status)
    return TRUE;
  if (result != NULL && hw_server_result_get_conflict (result, &conflict))
    {
      g_set_error (error, HW_ERROR, HW_ERROR_CHANGED,
                   _("This record was changed by %s at %s since you read it; reload it "
                     "and make your change again"),
                   conflict.changed_by, conflict.changed_at);
      return FALSE;
    }
  state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  message = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  text = g_strdup (message ? message : PQerrorMessage (conn));
  g_set_error (error, HW_ERROR,
               g_strcmp0 (state, HW_SERVER_SQLSTATE_INVALID) == 0 ? HW_ERROR_INVALID
                                                                   : HW_ERROR_FAILED,
               _("The server refused: %s"), g_strchomp (text));
  return FALSE;
}

/* Runs @sql (one or more statements, no parameters) and checks it completed. */
static gboolean
hw_server_exec (PGconn *conn, const char *sql, GError **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  if (result != NULL && PQresultStatus (result) == PGRES_TUPLES_OK)
    return TRUE;
  return hw_server_check (conn, result, PGRES_COMMAND_OK, error);
}

PGconn *
hw_server_connect (const char *conninfo, GError **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strdup (conn ? PQerrorMessage (conn) : "");
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("Cannot connect to the server: %s"), g_strstrip (message));
      return NULL;
    }
  /* Dates as ISO (YYYY-MM-DD) and times in UTC whatever the server's defaults. */
  if (!hw_server_exec (conn, "SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'; "
                             "SET client_encoding = 'UTF8'; "
                             "SET client_min_messages = warning", error))
    return NULL;
  return g_steal_pointer (&conn);
}

/* ---- Migration 1: the records, from their descriptions ---- */

static gboolean
field_is_protected (const HwEntityInfo *info, const HwField *field)
{
  /* The address of a record that can be marked protected (sperret adresse). */
  return field->type == HW_FIELD_TEXT && g_str_equal (field->name, "address") &&
         hw_entity_find_field (info, "protected_address") != NULL;
}

static const HwField *
owner_field (const HwEntityInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].flags & HW_FIELD_OWNER)
      return &info->fields[i];
  return NULL;
}

static void
append_column (GString *sql, const HwField *field)
{
  gboolean required = (field->flags & HW_FIELD_REQUIRED) != 0;

  g_string_append_printf (sql, ",\n  %s ", field->name);
  switch (field->type)
    {
    case HW_FIELD_TEXT:
    case HW_FIELD_REF:
      g_string_append (sql, required ? "text NOT NULL" : "text");
      break;
    case HW_FIELD_DATE:
      g_string_append (sql, required ? "date NOT NULL" : "date");
      break;
    case HW_FIELD_INT:
      g_string_append (sql, "integer NOT NULL DEFAULT 0");
      break;
    case HW_FIELD_BOOL:
      g_string_append (sql, "boolean NOT NULL DEFAULT false");
      break;
    case HW_FIELD_ENUM:
      g_string_append_printf (sql, "text NOT NULL DEFAULT '%s' CHECK (%s IN (",
                              field->enum_names[0], field->name);
      for (guint i = 0; field->enum_names[i]; i++)
        g_string_append_printf (sql, "%s'%s'", i ? ", " : "", field->enum_names[i]);
      g_string_append (sql, "))");
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
hw_server_dup_records_sql (void)
{
  GString *sql = g_string_new ("-- Server migration 1: the records, generated from "
                               "app/core/hw-entity.c.\n"
                               "CREATE TABLE homeward.record_table (\n"
                               "  name text PRIMARY KEY,\n"
                               "  owner text NOT NULL CHECK (owner IN ('case', 'home', 'self')),\n"
                               "  owner_column text,\n"
                               "  protected_columns text[] NOT NULL DEFAULT '{}'\n);\n");
  GString *keys = g_string_new (NULL);

  for (HwEntity e = 0; e < HW_N_ENTITIES; e++)
    {
      const HwEntityInfo *info = hw_entity_info (e);
      const HwField *owner = owner_field (info);
      g_autoptr(GString) protected = g_string_new (NULL);

      g_string_append_printf (sql, "\nCREATE TABLE homeward.%s (\n  id text NOT NULL "
                              "CHECK (id <> '')", info->name);
      for (guint i = 0; i < info->n_fields; i++)
        {
          const HwField *field = &info->fields[i];

          append_column (sql, field);
          if (field_is_protected (info, field))
            g_string_append_printf (protected, "%s\"%s\"", protected->len ? "," : "",
                                    field->name);
          if (field->type != HW_FIELD_REF)
            continue;
          /* The owner and required references go with what they name; an optional one is
           * cleared (as in the SQLite schema). */
          g_string_append_printf (keys, "ALTER TABLE homeward.%s ADD FOREIGN KEY (%s) "
                                  "REFERENCES homeward.%s (id) ON DELETE %s "
                                  "DEFERRABLE INITIALLY DEFERRED;\n", info->name, field->name,
                                  hw_entity_info (field->ref_entity)->name,
                                  (field->flags & (HW_FIELD_OWNER | HW_FIELD_REQUIRED))
                                    ? "CASCADE" : "SET NULL");
          /* For the ON DELETE actions; an owner-keyed table's primary key starts with it. */
          if (field == owner && hw_entity_is_owner_keyed (e))
            continue;
          g_string_append_printf (keys, "CREATE INDEX %s_%s ON homeward.%s (%s)", info->name,
                                  field->name, info->name, field->name);
          if (!(field->flags & HW_FIELD_REQUIRED))
            g_string_append_printf (keys, " WHERE %s IS NOT NULL", field->name);
          g_string_append (keys, ";\n");
        }
      /* Every record keeps its id, its owner's key and a row version with who wrote it. */
      g_string_append (sql, ",\n  row_version bigint NOT NULL DEFAULT 1,\n"
                            "  changed_by text NOT NULL DEFAULT session_user,\n"
                            "  changed_at timestamptz NOT NULL DEFAULT now (),\n");
      if (owner != NULL && hw_entity_is_owner_keyed (e))
        g_string_append_printf (sql, "  PRIMARY KEY (%s, id)\n);\n", owner->name);
      else
        g_string_append (sql, "  PRIMARY KEY (id)\n);\n");
      g_string_append_printf (sql, "INSERT INTO homeward.record_table VALUES ('%s', '%s', %s%s%s, "
                              "'{%s}');\n", info->name,
                              owner == NULL ? "self"
                              : info->owner == HW_ENTITY_CASE ? "case" : "home",
                              owner ? "'" : "", owner ? owner->name : "NULL", owner ? "'" : "",
                              protected->str);
    }
  g_string_append_c (sql, '\n');
  g_string_append (sql, keys->str);
  g_string_free (keys, TRUE);
  return g_string_free (sql, FALSE);
}

/* ---- Setting up ---- */

static char *
load_migration (guint index, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (migrations[index] == NULL)
    return hw_server_dup_records_sql ();
  /* From the resource itself: a static library's constructor that registers it may be left
   * out by the linker. */
  bytes = g_resource_lookup_data (hw_server_get_resource (), migrations[index],
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

int
hw_server_get_schema_version (PGconn *conn, GError **error)
{
  g_autoptr(PGresult) exists =
    PQexec (conn, "SELECT to_regclass ('homeward.schema_migration') IS NOT NULL");
  g_autoptr(PGresult) result = NULL;

  if (!hw_server_check (conn, exists, PGRES_TUPLES_OK, error))
    return -1;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    return 0;
  result = PQexec (conn, "SELECT coalesce (max (version), 0) FROM homeward.schema_migration");
  if (!hw_server_check (conn, result, PGRES_TUPLES_OK, error))
    return -1;
  return atoi (PQgetvalue (result, 0, 0));
}

static gboolean
init_in_transaction (PGconn *conn, int *applied, GError **error)
{
  int version;

  /* Two inits at once: the second waits, then finds nothing left to do. */
  if (!hw_server_exec (conn, "SELECT pg_advisory_xact_lock (hashtext ('homeward server init'));"
                             "CREATE SCHEMA IF NOT EXISTS homeward;"
                             "CREATE TABLE IF NOT EXISTS homeward.schema_migration ("
                             " version integer PRIMARY KEY,"
                             " applied_at timestamptz NOT NULL DEFAULT now (),"
                             " applied_by text NOT NULL DEFAULT session_user)", error))
    return FALSE;
  version = hw_server_get_schema_version (conn, error);
  if (version < 0)
    return FALSE;
  if (version > HW_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_VERSION,
                   _("This server was set up by a newer version of Homeward (schema %d; this "
                     "version knows up to %d). Update Homeward to use it."),
                   version, HW_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  for (int i = version; i < HW_SERVER_SCHEMA_VERSION; i++)
    {
      g_autofree char *sql = load_migration (i, error);
      g_autofree char *record = NULL;

      if (sql == NULL)
        return FALSE;
      if (!hw_server_exec (conn, sql, error))
        {
          g_prefix_error (error, _("Server migration %d: "), i + 1);
          return FALSE;
        }
      record = g_strdup_printf ("INSERT INTO homeward.schema_migration (version) VALUES (%d)",
                                i + 1);
      if (!hw_server_exec (conn, record, error))
        return FALSE;
      (*applied)++;
    }
  return TRUE;
}

gboolean
hw_server_init (PGconn *conn, int *applied, GError **error)
{
  int count = 0;

  if (!hw_server_exec (conn, "BEGIN", error))
    return FALSE;
  if (!init_in_transaction (conn, &count, error))
    {
      /* Nothing of a failed init stays: the database is as it was. */
      PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }
  if (!hw_server_exec (conn, "COMMIT", error))
    return FALSE;
  if (applied)
    *applied = count;
  return TRUE;
}

static gboolean
require_init (PGconn *conn, GError **error)
{
  int version = hw_server_get_schema_version (conn, error);

  if (version < 0)
    return FALSE;
  if (version < HW_SERVER_SCHEMA_VERSION)
    {
      g_set_error (error, HW_ERROR, HW_ERROR_NOT_FOUND,
                   _("The server is not set up for Homeward (schema %d of %d): run "
                     "“homeward-cli --db URI server init” as the database's owner first"),
                   version, HW_SERVER_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

char *
hw_server_add_team (PGconn *conn, const char *name, gboolean *created, GError **error)
{
  const char *params[1] = { name };
  g_autoptr(PGresult) result = NULL;
  int before;

  if (!require_init (conn, error))
    return NULL;
  result = PQexecParams (conn, "SELECT (SELECT count (*) FROM homeward.team), "
                               "homeward.add_team ($1)",
                         1, NULL, params, NULL, NULL, 0);
  if (!hw_server_check (conn, result, PGRES_TUPLES_OK, error))
    return NULL;
  before = atoi (PQgetvalue (result, 0, 0));
  if (created)
    {
      g_autoptr(PGresult) count = PQexec (conn, "SELECT count (*) FROM homeward.team");

      if (!hw_server_check (conn, count, PGRES_TUPLES_OK, error))
        return NULL;
      *created = atoi (PQgetvalue (count, 0, 0)) > before;
    }
  return g_strdup (PQgetvalue (result, 0, 1));
}

gboolean
hw_server_add_user (PGconn *conn, const char *role_name, HwServerRole role,
                    const char *const *teams, GError **error)
{
  g_autoptr(GString) array = g_string_new ("{");
  const char *params[3];
  g_autoptr(PGresult) result = NULL;

  if (!require_init (conn, error))
    return FALSE;
  /* A text[] literal: every name quoted, \ and " escaped. */
  for (guint i = 0; teams && teams[i]; i++)
    {
      g_string_append (array, i ? ",\"" : "\"");
      for (const char *p = teams[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (array, '\\');
          g_string_append_c (array, *p);
        }
      g_string_append_c (array, '"');
    }
  g_string_append_c (array, '}');
  params[0] = role_name;
  params[1] = hw_server_role_to_string (role);
  params[2] = array->str;
  result = PQexecParams (conn, "SELECT homeward.add_user ($1, $2, $3::text[])", 3, NULL, params,
                         NULL, NULL, 0);
  return hw_server_check (conn, result, PGRES_TUPLES_OK, error);
}

char **
hw_server_dup_user_teams (PGconn *conn, const char *role_name, GError **error)
{
  const char *params[1] = { role_name };
  g_autoptr(PGresult) result =
    PQexecParams (conn, "SELECT t.name FROM homeward.team_member m JOIN homeward.team t "
                        "ON t.id = m.team_id WHERE m.role_name = $1 ORDER BY t.name",
                  1, NULL, params, NULL, NULL, 0);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (!hw_server_check (conn, result, PGRES_TUPLES_OK, error))
    return NULL;
  builder = g_strv_builder_new ();
  for (int i = 0; i < PQntuples (result); i++)
    g_strv_builder_add (builder, PQgetvalue (result, i, 0));
  return g_strv_builder_end (builder);
}
