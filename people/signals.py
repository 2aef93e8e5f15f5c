"""What writes to people and offices announce to the apps above, which show them (events).

The people app does not know who shows a person; an app that does connects a receiver in its
``AppConfig.ready()``. Every signal is sent inside the write's transaction: a receiver that fails
undoes the write.
"""

from django.dispatch import Signal

# survivor=, duplicate=, reason=: sent once per duplicate, before it is deleted. Receivers move their
# rows that point at the duplicate to the survivor (recording the change with ``reason``).
person_merging = Signal()
office_merging = Signal()

# instance=, fields=: a person, office or country was saved with ``fields`` (field names) changed, by the admin
# form or an import. Receivers record what shows those fields as changed (``updated_since``, changes feed).
person_edited = Signal()
office_edited = Signal()
country_edited = Signal()
