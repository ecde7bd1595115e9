/* rsh-store.c
 *
 * SPDX-FileCopyrightText: 2026 Rashomon contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rsh-correction-private.h"
#include "rsh-store-private.h"

/* The fixed part of an SQLite file: magic, page size, …, user_version at 60, application_id
 * at 68 (big-endian). https://www.sqlite.org/fileformat.html */
#define SQLITE_HEADER_SIZE        100
#define SQLITE_HEADER_MAGIC       "SQLite format 3"
#define HEADER_USER_VERSION       60
#define HEADER_APPLICATION_ID     68
#define BUSY_TIMEOUT_MS           5000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/**
 * RshStore:
 *
 * A Rashomon project file (`*.rashomon`): an SQLite database holding the sources with their
 * original bytes, and the claims the user tracks.
 *
 * The connection is used by one thread at a time: every public call takes the store's lock
 * and runs its writes in one transaction, so a store may be handed to worker threads.
 */
struct _RshStore
{
  GObject  parent_instance;

  /* owned */
  sqlite3 *db;
  char    *path;
  GMutex   mutex;
  int      schema_version;
};

struct _RshStoreRow
{
  char   *id;
  char   *input;
  char   *content_type;
  GBytes *raw;
  char   *title;
  char   *outlet;
  char   *authors;
  char   *published;
  char   *language;
  char   *url;
  char   *version_title;        /* the title extracted from @raw */
  gint64  position;
  guint   restored_version;     /* a stored version made current again, or 0 */
};

/* What one stored source needs to be rebuilt, read under the lock and extracted outside. */
typedef struct
{
  char   *id;
  char   *input;
  char   *content_type;
  GBytes *raw;
  char   *outlet;
  char   *published;
  char   *title;
  guint   published_by_user : 1;
  guint   title_by_user : 1;
} StoredSource;

G_DEFINE_FINAL_TYPE (RshStore, rsh_store, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RshSourceVersion, rsh_source_version,
                     rsh_source_version_copy, rsh_source_version_free)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* migrations[i] brings a file from schema version i to i + 1, inside one transaction.
 * A new schema version is one more entry here (and RSH_STORE_SCHEMA_VERSION + 1). */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ");"
  "CREATE TABLE sources ("
  "  id                TEXT PRIMARY KEY,"
  "  position          INTEGER NOT NULL,"
  "  input             TEXT NOT NULL,"
  "  content_type      TEXT,"
  "  raw               BLOB NOT NULL,"
  "  title             TEXT,"
  "  outlet            TEXT,"
  "  authors           TEXT,"
  "  published         TEXT,"
  "  published_by_user INTEGER NOT NULL DEFAULT 0,"
  "  language          TEXT,"
  "  url               TEXT,"
  "  added_at          TEXT NOT NULL"
  ");"
  "CREATE INDEX sources_position ON sources (position);"
  "CREATE TABLE tracked_claims ("
  "  id         INTEGER PRIMARY KEY,"
  "  text       TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL"
  ");",
  /* 1 → 2: the user's corrections, replayed in position order after every analysis;
   * undone is 0 (active), 1 (undone, can be redone) or 2 (undone and left behind). */
  "CREATE TABLE corrections ("
  "  id         INTEGER PRIMARY KEY,"
  "  position   INTEGER NOT NULL,"
  "  kind       TEXT NOT NULL,"
  "  payload    TEXT NOT NULL,"
  "  author     TEXT,"
  "  created_at TEXT NOT NULL,"
  "  undone     INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX corrections_position ON corrections (position);",
  /* 2 → 3: every response a source was read from (the current one included, so a reload
   * or a restore never loses one), the user's title, and the search index over the claims
   * of the latest comparison (derived data, rebuilt after each analysis). */
  "ALTER TABLE sources ADD COLUMN title_by_user INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE source_versions ("
  "  source_id    TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  number       INTEGER NOT NULL,"
  "  fetched_at   TEXT NOT NULL,"
  "  content_type TEXT,"
  "  raw          BLOB NOT NULL,"
  "  url          TEXT,"
  "  PRIMARY KEY (source_id, number)"
  ");"
  "INSERT INTO source_versions (source_id, number, fetched_at, content_type, raw, url)"
  "  SELECT id, 1, added_at, content_type, raw, COALESCE (url, input) FROM sources;"
  "CREATE VIRTUAL TABLE claims_fts USING fts5 ("
  "  claim_id UNINDEXED, position UNINDEXED, wording, quotes, speakers,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");",
  /* 3 → 4: a source's bytes are kept once, in its versions; the source points at the
   * current one (sources.version). Bytes of a source that no version holds exactly (a file
   * edited by hand) first become a version of their own, so no byte is lost. Each version
   * also keeps the title extracted from it (filled by fill_version_titles()). */
  "ALTER TABLE source_versions ADD COLUMN title TEXT;"
  "INSERT INTO source_versions (source_id, number, fetched_at, content_type, raw, url)"
  "  SELECT s.id,"
  "         (SELECT COALESCE (MAX (v.number), 0) + 1 FROM source_versions v"
  "           WHERE v.source_id = s.id),"
  "         s.added_at, s.content_type, s.raw, COALESCE (s.url, s.input)"
  "  FROM sources s"
  "  WHERE NOT EXISTS (SELECT 1 FROM source_versions v"
  "                     WHERE v.source_id = s.id AND v.number = s.version"
  "                       AND v.raw = s.raw AND v.content_type IS s.content_type);"
  "UPDATE sources SET version ="
  "  (SELECT MAX (v.number) FROM source_versions v"
  "    WHERE v.source_id = sources.id AND v.raw = sources.raw"
  "      AND v.content_type IS sources.content_type)"
  "  WHERE NOT EXISTS (SELECT 1 FROM source_versions v"
  "                     WHERE v.source_id = sources.id AND v.number = sources.version"
  "                       AND v.raw = sources.raw AND v.content_type IS sources.content_type);"
  "ALTER TABLE sources DROP COLUMN raw;"
  "ALTER TABLE sources DROP COLUMN content_type;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RSH_STORE_SCHEMA_VERSION);

/* The tables a file of a given schema version must have, checked before anything is written. */
static const struct {
  int         since;
  const char *name;
} required_tables[] = {
  { 1, "meta" },
  { 1, "sources" },
  { 1, "tracked_claims" },
  { 2, "corrections" },
  { 3, "source_versions" },
  { 3, "claims_fts" },
};

static void
stored_source_free (StoredSource *stored)
{
  g_free (stored->id);
  g_free (stored->input);
  g_free (stored->content_type);
  g_clear_pointer (&stored->raw, g_bytes_unref);
  g_free (stored->outlet);
  g_free (stored->published);
  g_free (stored->title);
  g_free (stored);
}

static char *
dup_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

static gboolean
check_file_name (const char  *path,
                 GError     **error)
{
  if (*path == '\0')
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID, _("No project file name was given"));
      return FALSE;
    }

  return TRUE;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
set_store_error (sqlite3     *db,
                 GError     **error,
                 const char  *what)
{
  int code = sqlite3_errcode (db) & 0xff;
  int domain_code = (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
                    ? RSH_ERROR_STORE_CORRUPT : RSH_ERROR_STORE;

  g_set_error (error, RSH_ERROR, domain_code, "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
prepare (sqlite3        *db,
         const char     *sql,
         sqlite3_stmt  **stmt,
         const char     *what,
         GError        **error)
{
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK)
    return set_store_error (db, error, what);

  return TRUE;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_store_error (db, error, what);

  return TRUE;
}

/* Only for fixed SQL written in this file: values always go through bound parameters. */
static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  g_autofree char *message = NULL;
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      message = g_strdup (errmsg != NULL ? errmsg : sqlite3_errmsg (db));
      sqlite3_free (errmsg);
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, "%s: %s", what, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!prepare (db, sql, &stmt, _("Could not read the project file"), error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return set_store_error (db, error, _("Could not read the project file"));

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
ensure_open (RshStore  *self,
             GError   **error)
{
  /* Only a save-as that failed half-way through leaves the store without a connection. */
  if (self->db == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE,
                   _("The project file is closed; open it again"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
begin_write (RshStore  *self,
             GError   **error)
{
  if (!ensure_open (self, error))
    return FALSE;

  return exec_sql (self->db, "BEGIN IMMEDIATE", _("Could not start writing to the project"),
                   error);
}

static gboolean
commit_write (RshStore  *self,
              GError   **error)
{
  return exec_sql (self->db, "COMMIT", _("Could not finish writing to the project"), error);
}

static void
rollback_write (RshStore *self)
{
  /* SQLite may already have rolled back on its own (a full disk, an I/O error). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
write_meta (sqlite3     *db,
            const char  *key,
            const char  *value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql = "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

  if (!prepare (db, sql, &stmt, _("Could not update the project information"), error))
    return FALSE;

  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);

  return step_done (db, stmt, _("Could not update the project information"), error);
}

static gboolean
touch_modified (sqlite3  *db,
                GError  **error)
{
  g_autofree char *now = now_iso8601 ();

  return write_meta (db, "modified_at", now, error);
}

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16)
         | ((guint32) bytes[2] << 8) | (guint32) bytes[3];
}

static gboolean
set_not_project_error (const char  *path,
                       GError     **error)
{
  g_autofree char *name = dup_display_name (path);

  g_set_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT,
               _("“%s” is not a Rashomon project"), name);
  return FALSE;
}

static gboolean
set_too_new_error (const char  *path,
                   int          version,
                   GError     **error)
{
  g_autofree char *name = dup_display_name (path);

  g_set_error (error, RSH_ERROR, RSH_ERROR_STORE_TOO_NEW,
               _("“%s” was saved by a newer version of Rashomon (format %d); "
                 "this version reads format %d. Update Rashomon to open it."),
               name, version, RSH_STORE_SCHEMA_VERSION);
  return FALSE;
}

/* Opens an existing file strictly for reading. Without a write-ahead log next to it the
 * file is opened immutable, so SQLite creates no -wal or -shm file and takes no lock: a
 * file we refuse must stay exactly as it was. */
static sqlite3 *
open_for_inspection (const char  *path,
                     GError     **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *full_uri = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  int rc;

  uri = g_filename_to_uri (absolute, NULL, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, "%s", local_error->message);
      return NULL;
    }

  full_uri = g_strconcat (uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?immutable=1",
                          NULL);
  rc = sqlite3_open_v2 (full_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = dup_display_name (path);

      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not open “%s”: %s"),
                   name, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

static gboolean
table_exists (sqlite3     *db,
              const char  *name,
              gboolean    *exists,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!prepare (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                &stmt, _("Could not read the project file"), error))
    return FALSE;

  bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_store_error (db, error, _("Could not read the project file"));

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int code;

  /* The checker's own report names b-tree pages: useful in a log, not to the user. */
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      result = column_text (stmt, 0);
      if (g_strcmp0 (result, "ok") == 0)
        return TRUE;

      g_debug ("quick_check of %s: %s", path, result);
    }
  else
    {
      /* Only a damaged file is reported as such; a lock or an I/O error is not damage. */
      code = sqlite3_errcode (db) & 0xff;
      if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
        {
          g_autofree char *name = dup_display_name (path);

          g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not read “%s”: %s"),
                       name, sqlite3_errmsg (db));
          return FALSE;
        }

      g_debug ("quick_check of %s failed: %s", path, sqlite3_errmsg (db));
    }

  {
    g_autofree char *name = dup_display_name (path);

    g_set_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT,
                 _("“%s” is damaged and cannot be opened. Open a backup copy of the project "
                   "instead."), name);
  }
  return FALSE;
}

/* Decides, without writing a byte, whether @path can be opened as a project. Sets @is_new
 * when the file is absent, empty or an empty database, to be given a fresh schema. */
static gboolean
inspect_file (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  g_autofree char *name = dup_display_name (path);
  guint8 header[SQLITE_HEADER_SIZE];
  guint32 application_id;
  guint32 user_version;
  GStatBuf st;
  gssize n_read = 0;
  sqlite3 *db;
  gboolean has_tables;
  gboolean ok = FALSE;
  int fd;

  *is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }

      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not open “%s”: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    return set_not_project_error (path, error);

  if (st.st_size == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not open “%s”: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  while (n_read < SQLITE_HEADER_SIZE)
    {
      gssize n = read (fd, header + n_read, SQLITE_HEADER_SIZE - n_read);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not read “%s”: %s"),
                       name, g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      n_read += n;
    }
  close (fd);

  /* The magic string includes its terminating NUL. */
  if (n_read < SQLITE_HEADER_SIZE
      || memcmp (header, SQLITE_HEADER_MAGIC, sizeof SQLITE_HEADER_MAGIC) != 0)
    return set_not_project_error (path, error);

  application_id = read_be32 (header + HEADER_APPLICATION_ID);
  user_version = read_be32 (header + HEADER_USER_VERSION);

  if (application_id != 0 && application_id != RSH_STORE_APPLICATION_ID)
    return set_not_project_error (path, error);

  /* Every file we write carries our application id from its first version on. */
  if (application_id == 0 && user_version != 0)
    return set_not_project_error (path, error);

  if (user_version > RSH_STORE_SCHEMA_VERSION)
    return set_too_new_error (path, (int) MIN (user_version, G_MAXINT), error);

  db = open_for_inspection (path, error);
  if (db == NULL)
    return FALSE;

  if (!check_integrity (db, path, error))
    goto out;

  if (user_version == 0)
    {
      /* An SQLite file without our version: only an empty database is ours to fill. */
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (!prepare (db, "SELECT 1 FROM sqlite_schema LIMIT 1", &stmt,
                    _("Could not read the project file"), error))
        goto out;

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          set_store_error (db, error, _("Could not read the project file"));
          goto out;
        }

      has_tables = rc == SQLITE_ROW;
      if (has_tables)
        {
          set_not_project_error (path, error);
          goto out;
        }

      *is_new = TRUE;
      ok = TRUE;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_tables); i++)
    {
      gboolean exists = FALSE;

      if (required_tables[i].since > (int) user_version)
        continue;

      if (!table_exists (db, required_tables[i].name, &exists, error))
        goto out;

      if (!exists)
        {
          set_not_project_error (path, error);
          goto out;
        }
    }

  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

static sqlite3 *
open_connection (const char  *filename,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = dup_display_name (filename);

      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not open “%s”: %s"),
                   name, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!exec_sql (db, "PRAGMA foreign_keys = ON", _("Could not set up the project file"), error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Extracts the title of every version that has none yet (those of files older than format
 * 4), inside the migration's transaction. A version that no longer extracts keeps none. */
static gboolean
fill_version_titles (sqlite3  *db,
                     GError  **error)
{
  const char *what = _("Could not prepare the project file");
  g_autoptr(sqlite3_stmt) query = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  if (!prepare (db, "SELECT rowid, raw, content_type, COALESCE (url, source_id)"
                    " FROM source_versions WHERE title IS NULL", &query, what, error)
      || !prepare (db, "UPDATE source_versions SET title = ?2 WHERE rowid = ?1",
                   &update, what, error))
    return FALSE;

  while ((rc = sqlite3_step (query)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) raw = g_bytes_new (sqlite3_column_blob (query, 1),
                                           sqlite3_column_bytes (query, 1));
      g_autoptr(RshSource) page = rsh_source_new (column_text (query, 3));
      const char *title;

      if (!rsh_source_load_bytes (page, raw, column_text (query, 2), NULL))
        continue;

      title = rsh_source_get_title (page);
      if (title == NULL)
        continue;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (query, 0));
      bind_text (update, 2, title);
      if (!step_done (db, update, what, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return set_store_error (db, error, what);

  return TRUE;
}

/* Brings the database from @from_version to RSH_STORE_SCHEMA_VERSION in one transaction. */
static gboolean
migrate (sqlite3  *db,
         int       from_version,
         GError  **error)
{
  g_autofree char *set_version = NULL;
  g_autofree char *set_application = NULL;

  if (from_version >= RSH_STORE_SCHEMA_VERSION)
    return TRUE;

  /* PRAGMA takes no parameters; both numbers are our own constants. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", RSH_STORE_SCHEMA_VERSION);
  set_application = g_strdup_printf ("PRAGMA application_id = %d",
                                     (int) RSH_STORE_APPLICATION_ID);

  if (!exec_sql (db, "BEGIN IMMEDIATE", _("Could not prepare the project file"), error))
    return FALSE;

  for (int version = from_version; version < RSH_STORE_SCHEMA_VERSION; version++)
    {
      if (!exec_sql (db, migrations[version], _("Could not prepare the project file"), error))
        goto fail;
    }

  if (from_version >= 1 && from_version < 4 && !fill_version_titles (db, error))
    goto fail;

  if (from_version == 0)
    {
      g_autofree char *now = now_iso8601 ();

      if (!write_meta (db, "created_at", now, error)
          || !write_meta (db, "generator", "rashomon " PACKAGE_VERSION, error))
        goto fail;
    }

  if (!exec_sql (db, set_application, _("Could not prepare the project file"), error)
      || !exec_sql (db, set_version, _("Could not prepare the project file"), error)
      || !exec_sql (db, "COMMIT", _("Could not prepare the project file"), error))
    goto fail;

  return TRUE;

fail:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Checks, then opens @path read-write, migrating it and switching it to WAL. */
static sqlite3 *
open_project_file (const char  *path,
                   int         *schema_version,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean is_new = FALSE;
  gboolean created;
  int version = 0;
  sqlite3 *db;

  if (!inspect_file (path, &is_new, error))
    return NULL;

  created = !g_file_test (path, G_FILE_TEST_EXISTS);
  db = open_connection (path, error);
  if (db == NULL)
    return NULL;

  if (!query_int (db, "PRAGMA user_version", &version, error))
    goto fail;

  /* Someone may have written the file between the inspection and now. */
  if (version > RSH_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (path, version, error);
      goto fail;
    }

  /* Create the schema under a rollback journal, so a new file holds it in its main file
   * before the write-ahead log takes over. */
  if (!migrate (db, version, error))
    {
      if (version > 0)
        {
          g_autofree char *name = dup_display_name (path);

          g_prefix_error (error, _("“%s” could not be updated for this version of Rashomon "
                                   "and was left as it was. "), name);
        }
      goto fail;
    }

  /* Format 4 keeps each response once: give the space of the second copies back. A failed
   * VACUUM changes nothing (it is atomic), so it only costs the space. */
  if (version >= 1 && version < 4
      && sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    g_debug ("VACUUM of %s after migration failed: %s", path, sqlite3_errmsg (db));

  if (!prepare (db, "PRAGMA journal_mode = WAL", &stmt,
                _("Could not set up the project file"), error))
    goto fail;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_store_error (db, error, _("Could not set up the project file"));
      goto fail;
    }

  *schema_version = RSH_STORE_SCHEMA_VERSION;
  return db;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  /* A project we failed to set up leaves no half-made file behind. */
  if (created)
    g_unlink (path);
  return NULL;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    goto fail;

  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      errno = saved_errno;
      goto fail;
    }

  close (fd);
  return TRUE;

fail:
  saved_errno = errno;
  {
    g_autofree char *name = dup_display_name (path);

    g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not write “%s” to disk: %s"),
                 name, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  if (a == NULL || b == NULL)
    return FALSE;

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;

  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Copies the whole database into a new file next to @path. */
static char *
write_copy (RshStore    *self,
            const char  *path,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = NULL;
  g_autofree char *name = dup_display_name (path);
  sqlite3_backup *backup;
  sqlite3 *dest = NULL;
  int fd;
  int rc;

  tmpl = g_strdup_printf ("%s%c.%s-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not save “%s”: %s"),
                   name, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    goto fail;

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not save “%s”: %s"),
                   name, sqlite3_errmsg (dest));
      sqlite3_close_v2 (dest);
      g_unlink (tmpl);
      return NULL;
    }

  if (!fsync_path (tmpl, FALSE, error))
    {
      g_unlink (tmpl);
      return NULL;
    }

  return g_steal_pointer (&tmpl);

fail:
  g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not save “%s”: %s"),
               name, dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);
  g_unlink (tmpl);
  return NULL;
}

static void
rsh_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RshStore *self = RSH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, rsh_store_get_path (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rsh_store_finalize (GObject *object)
{
  RshStore *self = (RshStore *) object;

  /* Closing the last connection checkpoints the log and removes the -wal and -shm files. */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (rsh_store_parent_class)->finalize (object);
}

static void
rsh_store_class_init (RshStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rsh_store_finalize;
  object_class->get_property = rsh_store_get_property;

  /**
   * RshStore:path: (nullable)
   *
   * The project file, or %NULL for a project kept in memory.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rsh_store_init (RshStore *self)
{
  g_mutex_init (&self->mutex);
}

/**
 * rsh_store_open:
 * @path: (nullable) (type filename): the project file, or %NULL for a store in memory
 * @error: return location for a #GError
 *
 * Opens a project file, creating it when it does not exist or is empty. The file is checked
 * before anything is written to it: a file that is not a Rashomon project gives
 * %RSH_ERROR_STORE_CORRUPT, one written by a newer Rashomon %RSH_ERROR_STORE_TOO_NEW, and
 * in both cases the file is left untouched. An older file is migrated in one transaction.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
RshStore *
rsh_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(RshStore) self = NULL;
  sqlite3 *db;
  int version = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path != NULL && !check_file_name (path, error))
    return NULL;

  if (path == NULL)
    {
      db = open_connection (":memory:", error);
      if (db == NULL)
        return NULL;

      if (!migrate (db, 0, error))
        {
          sqlite3_close (db);
          return NULL;
        }

      version = RSH_STORE_SCHEMA_VERSION;
    }
  else
    {
      db = open_project_file (path, &version, error);
      if (db == NULL)
        return NULL;
    }

  self = g_object_new (RSH_TYPE_STORE, NULL);
  self->db = db;
  self->schema_version = version;
  if (path != NULL)
    self->path = g_canonicalize_filename (path, NULL);

  return g_steal_pointer (&self);
}

/**
 * rsh_store_get_path:
 * @self: a #RshStore
 *
 * Returns: (nullable) (type filename): the absolute path of the project file, or %NULL for
 *   a store in memory
 */
const char *
rsh_store_get_path (RshStore *self)
{
  g_return_val_if_fail (RSH_IS_STORE (self), NULL);

  return self->path;
}

/**
 * rsh_store_get_schema_version:
 * @self: a #RshStore
 *
 * Returns: the schema version of the open file (after migration, %RSH_STORE_SCHEMA_VERSION)
 */
int
rsh_store_get_schema_version (RshStore *self)
{
  g_return_val_if_fail (RSH_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * rsh_store_save_as:
 * @self: a #RshStore
 * @path: (type filename): where to save the project
 * @error: return location for a #GError
 *
 * Writes the whole project to a temporary file next to @path, flushes it to disk and
 * renames it over @path, so @path holds either its old content or the complete project.
 * The store then works on the new file.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_save_as (RshStore    *self,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  sqlite3 *new_db;
  gboolean replaces_current;
  int version = 0;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_file_name (path, error))
    return FALSE;

  locker = g_mutex_locker_new (&self->mutex);
  absolute = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (absolute);
  name = dup_display_name (absolute);

  if (!ensure_open (self, error))
    return FALSE;

  if (g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE,
                   _("Could not save “%s”: it is a folder"), name);
      return FALSE;
    }

  tmp = write_copy (self, absolute, error);
  if (tmp == NULL)
    return FALSE;

  replaces_current = same_file (self->path, absolute);
  if (replaces_current)
    {
      /* Two connections must never share one -wal file name: close ours first. */
      g_clear_pointer (&self->db, sqlite3_close_v2);
    }
  else
    {
      /* A log left next to the file we replace belongs to the old content. */
      g_autofree char *wal = g_strconcat (absolute, "-wal", NULL);
      g_autofree char *shm = g_strconcat (absolute, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
    }

  if (g_rename (tmp, absolute) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, RSH_ERROR, RSH_ERROR_STORE, _("Could not save “%s”: %s"),
                   name, g_strerror (saved_errno));
      if (replaces_current)
        self->db = open_project_file (self->path, &version, NULL);
      return FALSE;
    }

  new_db = open_project_file (absolute, &version, error);
  if (new_db == NULL)
    return FALSE;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  self->db = new_db;
  self->schema_version = version;

  /* The rename itself must reach the disk before the save counts as done. */
  if (!fsync_path (dir, TRUE, error))
    return FALSE;

  if (g_strcmp0 (self->path, absolute) != 0)
    {
      g_free (self->path);
      self->path = g_steal_pointer (&absolute);
      g_clear_pointer (&locker, g_mutex_locker_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }

  return TRUE;
}

/**
 * rsh_store_row_new: (skip)
 * @source: a loaded #RshSource with an id
 *
 * Copies what the store keeps about @source.
 *
 * Returns: (transfer full): the copy
 */
RshStoreRow *
rsh_store_row_new (RshSource *source)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *authors;
  RshStoreRow *row;
  GBytes *raw;
  guint64 number;

  g_return_val_if_fail (RSH_IS_SOURCE (source), NULL);

  json_builder_begin_array (builder);
  authors = rsh_source_get_authors (source);
  for (guint i = 0; authors != NULL && authors[i] != NULL; i++)
    json_builder_add_string_value (builder, authors[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  raw = rsh_source_get_raw (source);

  row = g_new0 (RshStoreRow, 1);
  row->id = g_strdup (rsh_source_get_id (source));
  row->input = g_strdup (rsh_source_get_input (source));
  row->content_type = g_strdup (rsh_source_get_content_type (source));
  row->raw = raw != NULL ? g_bytes_ref (raw) : NULL;
  row->title = g_strdup (rsh_source_get_title (source));
  row->outlet = g_strdup (rsh_source_get_outlet (source));
  row->authors = json_generator_to_data (generator, NULL);
  row->published = g_strdup (rsh_source_get_published (source));
  row->language = g_strdup (rsh_source_get_language (source));
  row->url = g_strdup (rsh_source_get_url (source));
  row->version_title = g_strdup (rsh_source_get_title (source));

  /* Ids are handed out in the order sources are added ("s1", "s2", …), while writes may
   * finish in another order: the number in the id keeps the list's order. */
  if (row->id != NULL && row->id[0] == 's'
      && g_ascii_string_to_unsigned (row->id + 1, 10, 0, G_MAXINT64, &number, NULL))
    row->position = (gint64) number;
  else
    row->position = -1;

  return row;
}

/**
 * rsh_store_row_free: (skip)
 * @row: (transfer full): a row
 */
void
rsh_store_row_free (RshStoreRow *row)
{
  if (row == NULL)
    return;

  g_free (row->id);
  g_free (row->input);
  g_free (row->content_type);
  g_clear_pointer (&row->raw, g_bytes_unref);
  g_free (row->title);
  g_free (row->outlet);
  g_free (row->authors);
  g_free (row->published);
  g_free (row->language);
  g_free (row->url);
  g_free (row->version_title);
  g_free (row);
}

/* What the file holds about a source before a write: whether it exists, its current
 * version and whether @raw (with @content_type) is that version's response. */
static gboolean
read_current_version (sqlite3     *db,
                      const char  *id,
                      GBytes      *raw,
                      const char  *content_type,
                      gboolean    *exists,
                      gint64      *version,
                      gboolean    *same_raw,
                      const char  *what,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!prepare (db,
                "SELECT s.version, COALESCE (v.raw = ?2 AND v.content_type IS ?3, 0)"
                " FROM sources s LEFT JOIN source_versions v"
                "   ON v.source_id = s.id AND v.number = s.version"
                " WHERE s.id = ?1",
                &stmt, what, error))
    return FALSE;

  bind_text (stmt, 1, id);
  if (g_bytes_get_size (raw) > 0)
    sqlite3_bind_blob64 (stmt, 2, g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                         SQLITE_STATIC);
  else
    sqlite3_bind_zeroblob (stmt, 2, 0);
  bind_text (stmt, 3, content_type);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_store_error (db, error, what);

  *exists = rc == SQLITE_ROW;
  *version = *exists ? sqlite3_column_int64 (stmt, 0) : 0;
  *same_raw = *exists && sqlite3_column_int (stmt, 1) != 0;
  return TRUE;
}

static gboolean
next_version_number (sqlite3     *db,
                     const char  *id,
                     gint64      *number,
                     const char  *what,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) query = NULL;

  if (!prepare (db, "SELECT COALESCE (MAX (number), 0) + 1 FROM source_versions"
                    " WHERE source_id = ?1", &query, what, error))
    return FALSE;

  bind_text (query, 1, id);
  if (sqlite3_step (query) != SQLITE_ROW)
    return set_store_error (db, error, what);

  *number = sqlite3_column_int64 (query, 0);
  return TRUE;
}

static gboolean
insert_version (sqlite3            *db,
                const RshStoreRow  *row,
                gint64              number,
                const char         *now,
                const char         *what,
                GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!prepare (db,
                "INSERT INTO source_versions (source_id, number, fetched_at, content_type, raw,"
                "                             url, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                &stmt, what, error))
    return FALSE;

  bind_text (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, number);
  bind_text (stmt, 3, now);
  bind_text (stmt, 4, row->content_type);
  if (g_bytes_get_size (row->raw) > 0)
    sqlite3_bind_blob64 (stmt, 5, g_bytes_get_data (row->raw, NULL),
                         g_bytes_get_size (row->raw), SQLITE_STATIC);
  else
    sqlite3_bind_zeroblob (stmt, 5, 0);
  bind_text (stmt, 6, row->url != NULL ? row->url : row->input);
  bind_text (stmt, 7, row->version_title);

  return step_done (db, stmt, what, error);
}

static gboolean
version_exists (sqlite3     *db,
                const char  *id,
                gint64       number,
                gboolean    *exists,
                const char  *what,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!prepare (db, "SELECT 1 FROM source_versions WHERE source_id = ?1 AND number = ?2",
                &stmt, what, error))
    return FALSE;

  bind_text (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_store_error (db, error, what);

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * rsh_store_row_set_restored_version: (skip)
 * @row: a row
 * @number: the stored version @row's bytes were read from
 *
 * Marks @row as a stored version made current again: writing it adds no new version.
 */
void
rsh_store_row_set_restored_version (RshStoreRow *row,
                                    guint        number)
{
  g_return_if_fail (row != NULL);

  row->restored_version = number;
}

/**
 * rsh_store_row_set_version_title: (skip)
 * @row: a row
 * @title: (nullable): the title extracted from @row's bytes
 *
 * Sets the title a new version is listed with, when the source's own title is the user's.
 */
void
rsh_store_row_set_version_title (RshStoreRow *row,
                                 const char  *title)
{
  g_return_if_fail (row != NULL);

  g_free (row->version_title);
  row->version_title = g_strdup (title);
}

/**
 * rsh_store_put_row: (skip)
 * @self: a #RshStore
 * @row: a row from rsh_store_row_new()
 * @error: return location for a #GError
 *
 * Like rsh_store_put_source(), from a copy taken earlier; callable from any thread.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_put_row (RshStore           *self,
                   const RshStoreRow  *row,
                   GError            **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *what = NULL;
  gboolean exists = FALSE;
  gboolean same_raw = FALSE;
  gint64 version = 0;
  const char *sql =
    "INSERT INTO sources (id, position, input, title, outlet, authors,"
    "                     published, language, url, added_at, version)"
    " VALUES (?1, COALESCE (?12, (SELECT COALESCE (MAX (position), -1) + 1 FROM sources)),"
    "         ?2, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13)"
    " ON CONFLICT (id) DO UPDATE SET"
    "   input = excluded.input,"
    "   title = CASE WHEN title_by_user THEN title ELSE excluded.title END,"
    "   outlet = excluded.outlet, authors = excluded.authors,"
    "   published = CASE WHEN published_by_user THEN published ELSE excluded.published END,"
    "   language = excluded.language, url = excluded.url, version = excluded.version";

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (row->id == NULL || row->input == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("A source without an identifier cannot be saved in the project"));
      return FALSE;
    }

  if (row->raw == NULL)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("“%s” has no content to save in the project"), row->input);
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->mutex);
  now = now_iso8601 ();
  what = g_strdup_printf (_("Could not save “%s” in the project"), row->input);

  if (!begin_write (self, error))
    return FALSE;

  if (!read_current_version (self->db, row->id, row->raw, row->content_type, &exists, &version,
                             &same_raw, what, error))
    goto fail;

  /* A restored version is already stored; bytes the file holds already are no new
   * version; anything else read from the file or the web is one. */
  if (row->restored_version > 0)
    {
      gboolean known = FALSE;

      if (!version_exists (self->db, row->id, row->restored_version, &known, what, error))
        goto fail;
      if (!known)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                       _("Source %s has no version %u"), row->id, row->restored_version);
          goto fail;
        }
      version = row->restored_version;
    }
  else if (!same_raw)
    {
      if (!next_version_number (self->db, row->id, &version, what, error))
        goto fail;
    }

  if (!prepare (self->db, sql, &stmt, what, error))
    goto fail;

  bind_text (stmt, 1, row->id);
  bind_text (stmt, 2, row->input);
  bind_text (stmt, 5, row->title);
  bind_text (stmt, 6, row->outlet);
  bind_text (stmt, 7, row->authors);
  bind_text (stmt, 8, row->published);
  bind_text (stmt, 9, row->language);
  bind_text (stmt, 10, row->url);
  bind_text (stmt, 11, now);
  if (row->position >= 0)
    sqlite3_bind_int64 (stmt, 12, row->position);
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_int64 (stmt, 13, version);

  if (!step_done (self->db, stmt, what, error))
    goto fail;

  /* The version refers to the source's row, so it is written second. */
  if (row->restored_version == 0 && !same_raw
      && !insert_version (self->db, row, version, now, what, error))
    goto fail;

  if (!touch_modified (self->db, error))
    {
      g_prefix_error (error, "%s: ", what);
      goto fail;
    }

  if (!commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/**
 * rsh_store_put_source:
 * @self: a #RshStore
 * @source: a loaded #RshSource with an id
 * @error: return location for a #GError
 *
 * Saves @source (its metadata and original bytes) in one transaction, replacing the stored
 * copy with the same id. A publication date the user set with
 * rsh_store_set_source_published() is kept.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_put_source (RshStore   *self,
                      RshSource  *source,
                      GError    **error)
{
  g_autoptr(RshStoreRow) row = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (RSH_IS_SOURCE (source), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = rsh_store_row_new (source);
  return rsh_store_put_row (self, row, error);
}

/* Records a detail the user chose for a source (@sql binds the value, whether it is the
 * user's, and the source id), in a transaction of its own; @what opens error messages. */
static gboolean
set_user_field (RshStore    *self,
                const char  *source_id,
                const char  *sql,
                const char  *value,
                const char  *what,
                GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!begin_write (self, error))
    return FALSE;

  if (!prepare (self->db, sql, &stmt, what, error))
    goto fail;

  bind_text (stmt, 1, value);
  sqlite3_bind_int (stmt, 2, value != NULL);
  bind_text (stmt, 3, source_id);

  if (!step_done (self->db, stmt, what, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("The project has no source %s"), source_id);
      goto fail;
    }

  if (!touch_modified (self->db, error) || !commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/**
 * rsh_store_set_source_published:
 * @self: a #RshStore
 * @source_id: the id of a stored source
 * @published: (nullable): the date the user gave, or %NULL to go back to the page's own
 * @error: return location for a #GError
 *
 * Records a publication date chosen by the user; it survives re-extraction on reopening.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_set_source_published (RshStore    *self,
                                const char  *source_id,
                                const char  *published,
                                GError     **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  what = g_strdup_printf (_("Could not save the date of source %s"), source_id);
  return set_user_field (self, source_id,
                         "UPDATE sources SET published = ?1, published_by_user = ?2 WHERE id = ?3",
                         published, what, error);
}

/**
 * rsh_store_remove_source:
 * @self: a #RshStore
 * @source_id: the id of the source to remove
 * @error: return location for a #GError
 *
 * Removes a source; removing one that is not stored is not an error.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_remove_source (RshStore    *self,
                         const char  *source_id,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  what = g_strdup_printf (_("Could not remove source %s from the project"), source_id);

  if (!begin_write (self, error))
    return FALSE;

  if (!prepare (self->db, "DELETE FROM sources WHERE id = ?1", &stmt, what, error))
    goto fail;

  bind_text (stmt, 1, source_id);

  if (!step_done (self->db, stmt, what, error)
      || !touch_modified (self->db, error)
      || !commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

static GPtrArray *
read_stored_sources (RshStore  *self,
                     GError   **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  g_autoptr(GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_source_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db,
                "SELECT s.id, s.input, v.content_type, v.raw, s.outlet, s.published,"
                "       s.published_by_user, s.title, s.title_by_user, v.source_id IS NOT NULL"
                " FROM sources s LEFT JOIN source_versions v"
                "   ON v.source_id = s.id AND v.number = s.version"
                " ORDER BY s.position, s.rowid",
                &stmt, _("Could not read the sources of the project"), error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredSource *s;
      const void *blob = sqlite3_column_blob (stmt, 3);
      gsize size = sqlite3_column_bytes (stmt, 3);

      /* A source points at the version holding its bytes; one pointing nowhere means the
       * file was changed by something other than Rashomon. */
      if (sqlite3_column_int (stmt, 9) == 0)
        {
          g_set_error (error, RSH_ERROR, RSH_ERROR_STORE_CORRUPT,
                       _("The project file is damaged: the text of source %s is missing. "
                         "Open a backup copy of the project instead."),
                       column_text (stmt, 0));
          return NULL;
        }

      s = g_new0 (StoredSource, 1);
      s->id = g_strdup (column_text (stmt, 0));
      s->input = g_strdup (column_text (stmt, 1));
      s->content_type = g_strdup (column_text (stmt, 2));
      s->raw = g_bytes_new (blob, size);
      s->outlet = g_strdup (column_text (stmt, 4));
      s->published = g_strdup (column_text (stmt, 5));
      s->published_by_user = sqlite3_column_int (stmt, 6) != 0;
      s->title = g_strdup (column_text (stmt, 7));
      s->title_by_user = sqlite3_column_int (stmt, 8) != 0;
      g_ptr_array_add (stored, s);
    }

  if (rc != SQLITE_DONE)
    {
      set_store_error (self->db, error, _("Could not read the sources of the project"));
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/**
 * rsh_store_load_sources:
 * @self: a #RshStore
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Rebuilds every stored source from its original bytes, in the order they were added,
 * and restores what the user set (outlet, publication date, title). A source whose bytes no longer
 * extract comes back in %RSH_SOURCE_STATE_FAILED with its message; none is dropped.
 *
 * Returns: (transfer container) (element-type RshSource) (nullable): new sources, or %NULL
 *   on error
 */
GPtrArray *
rsh_store_load_sources (RshStore      *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = read_stored_sources (self, error);
  if (stored == NULL)
    return NULL;

  sources = g_ptr_array_new_full (stored->len, g_object_unref);

  for (guint i = 0; i < stored->len; i++)
    {
      StoredSource *s = g_ptr_array_index (stored, i);
      g_autoptr(RshSource) source = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      source = rsh_source_new (s->input);
      rsh_source_set_id (source, s->id);

      /* A failure is recorded on the source itself (state and message). */
      if (rsh_source_load_bytes (source, s->raw, s->content_type, NULL))
        {
          if (s->outlet != NULL && g_strcmp0 (s->outlet, rsh_source_get_outlet (source)) != 0)
            rsh_source_set_outlet (source, s->outlet);

          if (s->published_by_user && s->published != NULL)
            rsh_source_set_published (source, s->published, NULL);

          if (s->title_by_user && s->title != NULL)
            rsh_source_set_title (source, s->title);
        }

      g_ptr_array_add (sources, g_steal_pointer (&source));
    }

  return g_steal_pointer (&sources);
}

/**
 * rsh_store_add_tracked_claim:
 * @self: a #RshStore
 * @text: the claim, as the user wrote it
 * @error: return location for a #GError
 *
 * Adds a claim to track. Adding one already tracked does nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_add_tracked_claim (RshStore    *self,
                             const char  *text,
                             GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("A tracked claim needs some text"));
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->mutex);
  now = now_iso8601 ();

  if (!begin_write (self, error))
    return FALSE;

  if (!prepare (self->db,
                "INSERT INTO tracked_claims (text, created_at) VALUES (?1, ?2)"
                " ON CONFLICT (text) DO NOTHING",
                &stmt, _("Could not save the tracked claim"), error))
    goto fail;

  bind_text (stmt, 1, text);
  bind_text (stmt, 2, now);

  if (!step_done (self->db, stmt, _("Could not save the tracked claim"), error)
      || !touch_modified (self->db, error)
      || !commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/**
 * rsh_store_list_tracked_claims:
 * @self: a #RshStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the tracked claims in the order they were added
 *   (an empty array when there are none), or %NULL on error
 */
GStrv
rsh_store_list_tracked_claims (RshStore  *self,
                               GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  builder = g_strv_builder_new ();

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db, "SELECT text FROM tracked_claims ORDER BY id", &stmt,
                _("Could not read the tracked claims"), error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      set_store_error (self->db, error, _("Could not read the tracked claims"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * rsh_store_next_source_id:
 * @self: a #RshStore
 *
 * Returns: (transfer full): an id no stored source has: "s" followed by one more than the
 *   highest number among the stored ids ("s1" for an empty project)
 */
char *
rsh_store_next_source_id (RshStore *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 highest = 0;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (self->db != NULL
      && sqlite3_prepare_v2 (self->db, "SELECT id FROM sources", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *id = column_text (stmt, 0);
          guint64 number;

          if (id != NULL && id[0] == 's'
              && g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT64 - 1, &number, NULL))
            highest = MAX (highest, number);
        }
    }

  return g_strdup_printf ("s%" G_GUINT64_FORMAT, highest + 1);
}

/**
 * rsh_store_add_correction:
 * @self: a #RshStore
 * @correction: a correction not stored yet
 * @error: return location for a #GError
 *
 * Appends @correction after every stored one and sets its id. Corrections undone before
 * it can no longer be redone: they become %RSH_CORRECTION_SUPERSEDED, in the same
 * transaction, and stay as history.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_add_correction (RshStore       *self,
                          RshCorrection  *correction,
                          GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *payload = NULL;
  const char *what = _("Could not save the correction");

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (RSH_IS_CORRECTION (correction), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  payload = rsh_correction_dup_payload (correction);

  if (!begin_write (self, error))
    return FALSE;

  if (!exec_sql (self->db, "UPDATE corrections SET undone = 2 WHERE undone = 1", what, error))
    goto fail;

  if (!prepare (self->db,
                "INSERT INTO corrections (position, kind, payload, author, created_at, undone)"
                " VALUES ((SELECT COALESCE (MAX (position), 0) + 1 FROM corrections),"
                "         ?1, ?2, ?3, ?4, 0)",
                &stmt, what, error))
    goto fail;

  bind_text (stmt, 1, rsh_correction_kind_to_string (rsh_correction_get_kind (correction)));
  bind_text (stmt, 2, payload);
  bind_text (stmt, 3, rsh_correction_get_author (correction));
  bind_text (stmt, 4, rsh_correction_get_created_at (correction));

  if (!step_done (self->db, stmt, what, error)
      || !touch_modified (self->db, error)
      || !commit_write (self, error))
    goto fail;

  rsh_correction_set_id (correction, sqlite3_last_insert_rowid (self->db));
  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/**
 * rsh_store_set_correction_state:
 * @self: a #RshStore
 * @id: a stored correction's id
 * @state: %RSH_CORRECTION_ACTIVE (redo) or %RSH_CORRECTION_UNDONE (undo)
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_set_correction_state (RshStore            *self,
                                gint64               id,
                                RshCorrectionState   state,
                                GError             **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *what = _("Could not save the correction");

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  if (!begin_write (self, error))
    return FALSE;

  if (!prepare (self->db, "UPDATE corrections SET undone = ?1 WHERE id = ?2", &stmt, what, error))
    goto fail;

  sqlite3_bind_int (stmt, 1, (int) state);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!step_done (self->db, stmt, what, error))
    goto fail;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                   _("Correction %" G_GINT64_FORMAT " is not in the project"), id);
      goto fail;
    }

  if (!touch_modified (self->db, error) || !commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/**
 * rsh_store_load_corrections:
 * @self: a #RshStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RshCorrection) (nullable): every stored
 *   correction, undone ones included, in the order they were made; %NULL on error
 */
GPtrArray *
rsh_store_load_corrections (RshStore  *self,
                            GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  const char *what = _("Could not read the corrections");
  int rc;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  corrections = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db,
                "SELECT id, kind, payload, author, created_at, undone FROM corrections"
                " ORDER BY position, id", &stmt, what, error))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int undone = sqlite3_column_int (stmt, 5);
      RshCorrection *correction;

      correction = rsh_correction_new_from_stored (sqlite3_column_int64 (stmt, 0),
                                                   column_text (stmt, 1), column_text (stmt, 2),
                                                   column_text (stmt, 3), column_text (stmt, 4),
                                                   CLAMP (undone, RSH_CORRECTION_ACTIVE,
                                                          RSH_CORRECTION_SUPERSEDED),
                                                   error);
      if (correction == NULL)
        return NULL;
      g_ptr_array_add (corrections, correction);
    }

  if (rc != SQLITE_DONE)
    {
      set_store_error (self->db, error, what);
      return NULL;
    }

  return g_steal_pointer (&corrections);
}

/**
 * rsh_source_version_copy:
 * @version: a #RshSourceVersion
 *
 * Returns: (transfer full): a copy of @version
 */
RshSourceVersion *
rsh_source_version_copy (const RshSourceVersion *version)
{
  RshSourceVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = g_new0 (RshSourceVersion, 1);
  copy->number = version->number;
  copy->fetched_at = g_strdup (version->fetched_at);
  copy->content_type = g_strdup (version->content_type);
  copy->url = g_strdup (version->url);
  copy->size = version->size;
  copy->current = version->current;
  copy->title = g_strdup (version->title);

  return copy;
}

/**
 * rsh_source_version_free:
 * @version: (transfer full) (nullable): a #RshSourceVersion
 */
void
rsh_source_version_free (RshSourceVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->fetched_at);
  g_free (version->content_type);
  g_free (version->url);
  g_free (version->title);
  g_free (version);
}

/**
 * rsh_store_set_source_title:
 * @self: a #RshStore
 * @source_id: the id of a stored source
 * @title: (nullable): the title the user gave, or %NULL to go back to the page's own
 * @error: return location for a #GError
 *
 * Records a title chosen by the user; it survives reloads and re-extraction. Going back
 * to the page's own title leaves the stored one until the source is next written.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_set_source_title (RshStore    *self,
                            const char  *source_id,
                            const char  *title,
                            GError     **error)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  what = g_strdup_printf (_("Could not save the title of source %s"), source_id);
  return set_user_field (self, source_id,
                         "UPDATE sources SET title = COALESCE (?1, title), title_by_user = ?2"
                         " WHERE id = ?3",
                         title, what, error);
}

/**
 * rsh_store_list_source_versions:
 * @self: a #RshStore
 * @source_id: the id of a stored source
 * @error: return location for a #GError
 *
 * Lists every response @source_id was read from, oldest first; the one its text comes from
 * now is marked current.
 *
 * Returns: (transfer container) (element-type RshSourceVersion) (nullable): the versions
 *   (empty for a source that is not stored), or %NULL on error
 */
GPtrArray *
rsh_store_list_source_versions (RshStore    *self,
                                const char  *source_id,
                                GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  const char *what = _("Could not read the versions of the source");
  int rc;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  versions = g_ptr_array_new_with_free_func ((GDestroyNotify) rsh_source_version_free);

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db,
                "SELECT v.number, v.fetched_at, v.content_type, v.url, length (v.raw),"
                "       v.number = s.version, v.title"
                " FROM source_versions v JOIN sources s ON s.id = v.source_id"
                " WHERE v.source_id = ?1 ORDER BY v.number",
                &stmt, what, error))
    return NULL;

  bind_text (stmt, 1, source_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RshSourceVersion *version = g_new0 (RshSourceVersion, 1);

      version->number = (guint) sqlite3_column_int64 (stmt, 0);
      version->fetched_at = g_strdup (column_text (stmt, 1));
      version->content_type = g_strdup (column_text (stmt, 2));
      version->url = g_strdup (column_text (stmt, 3));
      version->size = (gsize) sqlite3_column_int64 (stmt, 4);
      version->current = sqlite3_column_int (stmt, 5) != 0;
      version->title = g_strdup (column_text (stmt, 6));
      g_ptr_array_add (versions, version);
    }

  if (rc != SQLITE_DONE)
    {
      set_store_error (self->db, error, what);
      return NULL;
    }

  return g_steal_pointer (&versions);
}

/**
 * rsh_store_load_source_version:
 * @self: a #RshStore
 * @source_id: the id of a stored source
 * @number: a version number from rsh_store_list_source_versions()
 * @content_type: (out) (optional) (nullable) (transfer full): the version's content type
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the bytes of that response, or %NULL with
 *   %RSH_ERROR_NOT_FOUND when there is no such version
 */
GBytes *
rsh_store_load_source_version (RshStore    *self,
                               const char  *source_id,
                               guint        number,
                               char       **content_type,
                               GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *what = _("Could not read the version of the source");
  int rc;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db,
                "SELECT raw, content_type FROM source_versions"
                " WHERE source_id = ?1 AND number = ?2",
                &stmt, what, error))
    return NULL;

  bind_text (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_NOT_FOUND,
                   _("Source %s has no version %u"), source_id, number);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      set_store_error (self->db, error, what);
      return NULL;
    }

  if (content_type != NULL)
    *content_type = g_strdup (column_text (stmt, 1));

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

static void
append_field (GString    *text,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, value);
}

/**
 * rsh_store_index_claims:
 * @self: a #RshStore
 * @comparison: (nullable): the comparison the user sees, or %NULL to empty the index
 * @error: return location for a #GError
 *
 * Replaces the search index with the claims of @comparison: their wording, the quotes
 * of their mentions and the speakers' names, in one transaction. The index is derived
 * data: it does not count as a change to the project.
 *
 * Returns: %TRUE on success
 */
gboolean
rsh_store_index_claims (RshStore       *self,
                        RshComparison  *comparison,
                        GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *what = _("Could not update the search index of the project");
  GListModel *claims;
  guint n;

  g_return_val_if_fail (RSH_IS_STORE (self), FALSE);
  g_return_val_if_fail (comparison == NULL || RSH_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);

  if (!begin_write (self, error))
    return FALSE;

  if (!exec_sql (self->db, "DELETE FROM claims_fts", what, error))
    goto fail;

  claims = comparison != NULL ? rsh_comparison_get_claims (comparison) : NULL;
  n = claims != NULL ? g_list_model_get_n_items (claims) : 0;

  if (n > 0
      && !prepare (self->db,
                   "INSERT INTO claims_fts (claim_id, position, wording, quotes, speakers)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                   &stmt, what, error))
    goto fail;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RshClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr(GString) quotes = g_string_new (NULL);
      g_autoptr(GString) speakers = g_string_new (NULL);
      GListModel *mentions = rsh_claim_get_mentions (claim);
      guint n_mentions = g_list_model_get_n_items (mentions);

      for (guint j = 0; j < n_mentions; j++)
        {
          g_autoptr(RshMention) mention = g_list_model_get_item (mentions, j);
          const char *actor_id = rsh_mention_get_actor_id (mention);
          RshActor *actor = actor_id != NULL ? rsh_comparison_lookup_actor (comparison, actor_id)
                                             : NULL;

          append_field (quotes, rsh_mention_get_quote (mention));
          append_field (speakers, rsh_mention_get_speaker (mention));
          if (g_strcmp0 (rsh_mention_get_written_speaker (mention),
                         rsh_mention_get_speaker (mention)) != 0)
            append_field (speakers, rsh_mention_get_written_speaker (mention));
          if (actor != NULL
              && g_strcmp0 (rsh_actor_get_name (actor), rsh_mention_get_speaker (mention)) != 0)
            append_field (speakers, rsh_actor_get_name (actor));
        }

      sqlite3_reset (stmt);
      bind_text (stmt, 1, rsh_claim_get_id (claim));
      sqlite3_bind_int64 (stmt, 2, i);
      bind_text (stmt, 3, rsh_claim_get_text (claim));
      bind_text (stmt, 4, quotes->str);
      bind_text (stmt, 5, speakers->str);

      if (!step_done (self->db, stmt, what, error))
        goto fail;
    }

  if (!commit_write (self, error))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&stmt, sqlite3_finalize);
  rollback_write (self);
  return FALSE;
}

/* Turns what the user typed into an FTS5 query that cannot be malformed: every run of
 * letters and digits becomes a quoted string (so no word is read as an operator or a
 * column name), all of them required, each one as the start of a word. NULL when nothing
 * is left to search for. */
static char *
build_match_query (const char *query)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p = query;
  guint n_words = 0;

  for (;;)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
        }
      else if (word->len > 0)
        {
          if (n_words++ > 0)
            g_string_append (match, " AND ");
          g_string_append_printf (match, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }

  if (n_words == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&match), FALSE);
}

/**
 * rsh_store_search_claims:
 * @self: a #RshStore
 * @query: what the user typed
 * @error: return location for a #GError
 *
 * Finds the claims of the last indexed comparison (rsh_store_index_claims()) whose wording,
 * quotes or speakers have a word starting with each word of @query ("harb mast" finds
 * "harbour master"), ignoring case and accents. Punctuation in @query only separates words. A query with no
 * words matches every claim.
 *
 * Returns: (transfer full) (nullable): the ids of the matching claims in the comparison's
 *   order (an empty array when none match), or %NULL on error
 */
GStrv
rsh_store_search_claims (RshStore    *self,
                         const char  *query,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *match = NULL;
  const char *what = _("Could not search the claims");
  int rc;

  g_return_val_if_fail (RSH_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error (error, RSH_ERROR, RSH_ERROR_INVALID,
                   _("The search text is not valid UTF-8"));
      return NULL;
    }

  locker = g_mutex_locker_new (&self->mutex);
  builder = g_strv_builder_new ();
  match = build_match_query (query);

  if (!ensure_open (self, error))
    return NULL;

  if (!prepare (self->db,
                match != NULL
                ? "SELECT claim_id FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY position"
                : "SELECT claim_id FROM claims_fts ORDER BY position",
                &stmt, what, error))
    return NULL;

  if (match != NULL)
    bind_text (stmt, 1, match);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      set_store_error (self->db, error, what);
      return NULL;
    }

  return g_strv_builder_end (builder);
}
