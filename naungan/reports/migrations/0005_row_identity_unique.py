# A migration of its own: PostgreSQL does not alter a table whose rows the data step of the
# previous migration changed in the same transaction.

import uuid

from django.db import migrations

import naungan.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ('reports', '0004_bind_encrypted_values'),
    ]

    operations = [
        migrations.AlterField(
            model_name='idempotencyrecord',
            name="row_uuid",
            field=naungan.core.fields.RowIdentityField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name='reportmessage',
            name="row_uuid",
            field=naungan.core.fields.RowIdentityField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
