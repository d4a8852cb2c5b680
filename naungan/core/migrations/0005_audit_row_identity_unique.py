# A migration of its own: PostgreSQL does not alter a table whose rows the data step of the
# previous migration changed in the same transaction.

import uuid

from django.db import migrations

import naungan.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ('core', '0004_audit_chain_keyed_and_reason_encrypted'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name="row_uuid",
            field=naungan.core.fields.RowIdentityField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
