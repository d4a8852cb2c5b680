"""Signals of the areas app."""

from django.dispatch import Signal

# Sent (sender: the Area model) after rows of the area table were created, changed or deleted
# outside a model's save/delete, e.g. by ``loader.load_regions``. Process-local caches of
# areas (a code's row and id) listen to it and to Area's post_save/post_delete.
areas_changed = Signal()
