/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hw-arena.h"

#define BLOCK_SIZE (256 * 1024)

struct _HwArena {
  GPtrArray *blocks;  /* of BLOCK_SIZE bytes, reused after a rewind */
  GPtrArray *large;   /* allocations bigger than a block, freed at the rewind */
  guint      block;   /* the block being filled */
  gsize      used;    /* bytes used in it */
};

HwArena *
hw_arena_new (void)
{
  HwArena *arena = g_new0 (HwArena, 1);

  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->large = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (arena->blocks, g_malloc (BLOCK_SIZE));
  return arena;
}

void
hw_arena_free (HwArena *arena)
{
  if (arena == NULL)
    return;
  g_ptr_array_unref (arena->blocks);
  g_ptr_array_unref (arena->large);
  g_free (arena);
}

gpointer
hw_arena_alloc0 (HwArena *arena, gsize size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (size > BLOCK_SIZE / 4)
    {
      p = g_malloc0 (size);
      g_ptr_array_add (arena->large, p);
      return p;
    }
  if (arena->used + size > BLOCK_SIZE)
    {
      arena->block++;
      arena->used = 0;
      if (arena->block == arena->blocks->len)
        g_ptr_array_add (arena->blocks, g_malloc (BLOCK_SIZE));
    }
  p = (guint8 *) arena->blocks->pdata[arena->block] + arena->used;
  arena->used += size;
  return memset (p, 0, size);
}

void
hw_arena_rewind (HwArena *arena)
{
  arena->block = 0;
  arena->used = 0;
  g_ptr_array_set_size (arena->large, 0);
}
