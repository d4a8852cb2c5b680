import naungan.core.fields
from django.db import migrations


def title_plan_tasks(apps, schema_editor):
    """Tasks made by earlier plan approvals get their action as title (they all read "Tindak
    lanjut" before). Each row is saved on its own: the title is encrypted for its row."""
    PlanAction = apps.get_model("cases", "PlanAction")
    actions = PlanAction.objects.filter(task__isnull=False).select_related("task")
    for action in actions.iterator(chunk_size=500):
        task = action.task
        if not task.title:
            task.title = action.description
            task.save(update_fields=["title"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_incident_withdrawal"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="title",
            field=naungan.core.fields.EncryptedTextField(blank=True, verbose_name="judul"),
        ),
        migrations.RunPython(title_plan_tasks, migrations.RunPython.noop, elidable=True),
    ]
