/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hw-output-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hw-error.h"
#include "hw-output-file.h"

struct _HwOutputFile {
  char   *path;
  char   *tmp_path;
  int     fd;
  GError *failure;     /* the first write error: sticky */
};

static void
set_errno_error (GError **error, const char *path, int saved)
{
  /* Translators: "export.xml: cannot write: No space left on device" */
  g_set_error (error, HW_ERROR, HW_ERROR_FAILED, _("%s: cannot write: %s"), path,
               g_strerror (saved));
}

HwOutputFile *
hw_output_file_open (const char *path, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  HwOutputFile *self;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* Hidden and beside the target, so the rename stays in one file system; the random part
   * (mkstemp, O_CREAT | O_EXCL) means nobody can plant a link where it will be. */
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, path, errno);
      return NULL;
    }
  self = g_new0 (HwOutputFile, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmpl);
  self->fd = fd;
  return self;
}

gboolean
hw_output_file_write (HwOutputFile *self, const void *data, gsize size, GError **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failure)
    return hw_output_file_check (self, error);
  while (size > 0)
    {
      gssize n = write (self->fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          /* write() returning 0 for a non-empty buffer would loop forever: call it full. */
          set_errno_error (&self->failure, self->path, n < 0 ? errno : ENOSPC);
          return hw_output_file_check (self, error);
        }
      p += n;
      size -= n;
    }
  return TRUE;
}

gboolean
hw_output_file_check (HwOutputFile *self, GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failure == NULL)
    return TRUE;
  if (error)
    *error = g_error_copy (self->failure);
  return FALSE;
}

/* So that the rename itself survives a power cut; some file systems cannot, which is not an
 * error worth losing the file over. */
static void
sync_folder_itself (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("fsync of the folder: %s", g_strerror (errno));
  close (fd);
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  sync_folder_itself (dir);
}

gboolean
hw_output_file_commit (HwOutputFile *self, GError **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!hw_output_file_check (self, error))
    {
      hw_output_file_abort (self);
      return FALSE;
    }
  /* A full disk may show only here (delayed allocation, network file systems). */
  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, self->path, errno);
      hw_output_file_abort (self);
      return FALSE;
    }
  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0)
    {
      set_errno_error (error, self->path, errno);
      hw_output_file_abort (self);
      return FALSE;
    }
  /* rename() replaces whatever stands at the name, a planted link too, without following it. */
  if (g_rename (self->tmp_path, self->path) != 0)
    {
      set_errno_error (error, self->path, errno);
      hw_output_file_abort (self);
      return FALSE;
    }
  sync_folder (self->path);
  g_clear_pointer (&self->tmp_path, g_free);
  hw_output_file_abort (self);
  return TRUE;
}

void
hw_output_file_abort (HwOutputFile *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_clear_error (&self->failure);
  g_free (self);
}

/* ---- batches ---- */

struct _HwOutputBatch {
  GPtrArray *paths;       /* final names */
  GPtrArray *tmp_paths;   /* their temporaries, same index; NULL once renamed */
};

HwOutputBatch *
hw_output_batch_new (void)
{
  HwOutputBatch *batch = g_new0 (HwOutputBatch, 1);

  batch->paths = g_ptr_array_new_with_free_func (g_free);
  batch->tmp_paths = g_ptr_array_new_with_free_func (g_free);
  return batch;
}

gboolean
hw_output_batch_add (HwOutputBatch *batch, HwOutputFile *file, GError **error)
{
  int fd;

  g_return_val_if_fail (batch != NULL && file != NULL, FALSE);

  if (!hw_output_file_check (file, error))
    {
      hw_output_file_abort (file);
      return FALSE;
    }
  fd = file->fd;
  file->fd = -1;
  if (close (fd) != 0)
    {
      set_errno_error (error, file->path, errno);
      hw_output_file_abort (file);
      return FALSE;
    }
  g_ptr_array_add (batch->paths, g_steal_pointer (&file->path));
  g_ptr_array_add (batch->tmp_paths, g_steal_pointer (&file->tmp_path));
  hw_output_file_abort (file);
  return TRUE;
}

guint
hw_output_batch_get_n_files (HwOutputBatch *batch)
{
  g_return_val_if_fail (batch != NULL, 0);
  return batch->paths->len;
}

/* The folders the batch writes into, each once. */
static GPtrArray *
batch_folders (HwOutputBatch *batch)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < batch->paths->len; i++)
    {
      g_autofree char *dir = g_path_get_dirname (batch->paths->pdata[i]);

      if (!g_ptr_array_find_with_equal_func (folders, dir, g_str_equal, NULL))
        g_ptr_array_add (folders, g_steal_pointer (&dir));
    }
  return folders;
}

gboolean
hw_output_batch_commit (HwOutputBatch *batch, GError **error)
{
  g_autoptr(GPtrArray) folders = NULL;

  g_return_val_if_fail (batch != NULL, FALSE);

  folders = batch_folders (batch);
  /* One flush of the file system instead of one per file; since Linux 5.8 it reports a
   * write-back error (EIO, a late ENOSPC) of any of them. */
  for (guint i = 0; i < folders->len; i++)
    {
      int fd = open (folders->pdata[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      int failed = fd < 0 || syncfs (fd) != 0 ? errno : 0;

      if (fd >= 0)
        close (fd);
      if (failed)
        {
          set_errno_error (error, folders->pdata[i], failed);
          hw_output_batch_abort (batch);
          return FALSE;
        }
    }
  for (guint i = 0; i < batch->paths->len; i++)
    {
      if (g_rename (batch->tmp_paths->pdata[i], batch->paths->pdata[i]) != 0)
        {
          /* Those already renamed are complete; the rest are removed. */
          set_errno_error (error, batch->paths->pdata[i], errno);
          hw_output_batch_abort (batch);
          return FALSE;
        }
      g_clear_pointer (&batch->tmp_paths->pdata[i], g_free);
    }
  for (guint i = 0; i < folders->len; i++)
    sync_folder_itself (folders->pdata[i]);
  hw_output_batch_abort (batch);
  return TRUE;
}

void
hw_output_batch_abort (HwOutputBatch *batch)
{
  if (batch == NULL)
    return;
  for (guint i = 0; i < batch->tmp_paths->len; i++)
    if (batch->tmp_paths->pdata[i])
      g_unlink (batch->tmp_paths->pdata[i]);
  g_ptr_array_unref (batch->paths);
  g_ptr_array_unref (batch->tmp_paths);
  g_free (batch);
}
