/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* A team's shared case base on PostgreSQL (issue 16): the server's schema, roles, policies and
 * audit, and setting them up. Depends on app/core and libpq only; see DESIGN.md. */

/* What `server init` brings a database to: the number of server migrations. */
#define HW_SERVER_SCHEMA_VERSION 5

/* The SQLSTATEs the server's functions raise (class "HW" is Homeward's own). */
#define HW_SERVER_SQLSTATE_CHANGED "HW409"  /* row version moved on: DETAIL is JSON */
#define HW_SERVER_SQLSTATE_GLASS   "HWG01"  /* a case outside your teams needs a reason */
#define HW_SERVER_SQLSTATE_INVALID "HWV01"  /* a refused argument to add-team / add-user */

/* The channel every change is announced on; the payload is the case id, or "table:id" for a
 * record outside a case (a team, a staff member, a foster home). */
#define HW_SERVER_CHANNEL "homeward_change"

typedef enum {
  HW_SERVER_ROLE_CASEWORKER,
  HW_SERVER_ROLE_TEAM_LEADER,
  HW_SERVER_ROLE_HEAD,
} HwServerRole;

/* TRUE when --db names a server (a postgresql:// or postgres:// URI, or a key=value libpq
 * connection string such as "service=homeward") rather than a SQLite file. */
gboolean     hw_server_is_conninfo  (const char *db);
/* "caseworker", "team-leader", "head"; FALSE for anything else. */
gboolean     hw_server_role_parse   (const char *text, HwServerRole *role);

/* A connection, or NULL with @error (the server's message, without the password). */
PGconn      *hw_server_connect      (const char *conninfo, GError **error);

/* Applies the missing migrations in one transaction (run by the database's owner, who may
 * create roles). @applied: how many it applied (0 when up to date). A database of a newer
 * Homeward is refused. */
gboolean     hw_server_init         (PGconn *conn, int *applied, GError **error);
/* The team's id; @created says whether it was new (a team of that name is reused). */
char        *hw_server_add_team     (PGconn *conn, const char *name, gboolean *created,
                                     GError **error);
/* Creates the LOGIN role @role_name (without a password: authentication is pg_hba.conf's) or
 * takes the existing one, makes it a member of the group for @role only, and adds it to
 * @teams (team names, NULL-terminated, may be NULL). */
gboolean     hw_server_add_user     (PGconn *conn, const char *role_name, HwServerRole role,
                                     const char *const *teams, GError **error);

/* The names of the teams @role_name works in, sorted (an empty vector for none), or NULL with
 * @error. */
char       **hw_server_dup_user_teams (PGconn *conn, const char *role_name, GError **error);

/* What a refused save (SQLSTATE HW409) says about the version it met. */
typedef struct {
  char   *table;
  char   *id;
  gint64  row_version;   /* the version stored now */
  gint64  read_version;  /* the version the refused save was read at */
  char   *changed_by;    /* the role that wrote row_version */
  char   *changed_at;    /* when, YYYY-MM-DDTHH:MM:SSZ */
} HwServerConflict;

void         hw_server_conflict_clear (HwServerConflict *conflict);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HwServerConflict, hw_server_conflict_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

G_END_DECLS
