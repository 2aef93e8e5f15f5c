"""Django's ``loaddata``, with the rows it adds or changes stamped as changed now (``common.loading``)."""

from django.core.management.commands import loaddata

from common.loading import stamp_loaded


class Command(loaddata.Command):
    help = loaddata.Command.help + " Rows it adds or changes are stamped as changed now (updated_since, changes)."

    def save_obj(self, obj):
        stamp_loaded(obj.object, obj.m2m_data or {}, using=self.using)
        return super().save_obj(obj)
