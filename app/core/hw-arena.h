/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A bump allocator for short-lived records: streaming a national caseload builds a million
 * records that all die with their case. Allocating them here and rewinding once per case
 * replaces a malloc and a free per record (and the page faults of a heap that keeps growing
 * and shrinking) with a pointer increment. Not thread-safe: one arena per thread. */
typedef struct _HwArena HwArena;

HwArena  *hw_arena_new    (void);
void      hw_arena_free   (HwArena *arena);
/* @size bytes, 8-byte aligned, zeroed; valid until the next hw_arena_rewind(). */
gpointer  hw_arena_alloc0 (HwArena *arena, gsize size);
/* Forgets every allocation; the memory is kept for the next ones. */
void      hw_arena_rewind (HwArena *arena);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HwArena, hw_arena_free)

G_END_DECLS
