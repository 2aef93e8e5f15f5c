"""Django's ``loaddata``, with the rows it adds or changes stamped as changed now (``common.loading``)."""

from django.core.management.commands import loaddata

from common.loading import stamp_loaded


class Command(loaddata.Command):
    help = loaddata.Command.help + " Rows it adds or changes are stamped as changed now (updated_since, changes)."

    def save_obj(self, obj):
        model = type(obj.object)
        empty = self.__dict__.setdefault("_empty_tables", {})
        if model not in empty:  # a load into an empty table (a new database, a test) needs no comparison
            empty[model] = not model._base_manager.using(self.using).exists()
        stamp_loaded(obj.object, obj.m2m_data or {}, using=self.using, table_was_empty=empty[model])
        return super().save_obj(obj)
